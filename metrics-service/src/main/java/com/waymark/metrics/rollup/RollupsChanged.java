package com.waymark.metrics.rollup;

import java.util.UUID;

/**
 * Published (as a Spring application event, inside the transaction) whenever a workspace's rollups
 * change: a response counted or erased, or a rebuild. Alert evaluation listens for it after commit.
 */
public record RollupsChanged(UUID tenantId, UUID workspaceId) {
}
