package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.workspace.deleted} v1: every service purges the workspace's data. */
public record WorkspaceDeleted(UUID workspaceId, UUID tenantId) {
}
