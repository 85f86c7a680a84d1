package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.workspace.created} v1: a client business of an agency. */
public record WorkspaceCreated(UUID workspaceId, UUID tenantId, String name, String slug) {
}
