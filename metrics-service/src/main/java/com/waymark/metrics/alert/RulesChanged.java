package com.waymark.metrics.alert;

import java.util.UUID;

/** A workspace's alert rules were created or changed: evaluate them soon (after commit). */
record RulesChanged(UUID tenantId, UUID workspaceId) {
}
