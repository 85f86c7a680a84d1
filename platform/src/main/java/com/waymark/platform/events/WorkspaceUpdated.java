package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.workspace.updated} v1: renamed or re-classified; carries the whole current state. */
public record WorkspaceUpdated(UUID workspaceId, UUID tenantId, String name, String slug, String industry) {
}
