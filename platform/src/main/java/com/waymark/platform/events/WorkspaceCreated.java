package com.waymark.platform.events;

import java.util.UUID;

/**
 * {@code tenant.workspace.created} v1: a client business of an agency. {@code industry} is optional (null when the
 * agency did not say); metrics uses it to compare a client with others of the same industry.
 */
public record WorkspaceCreated(UUID workspaceId, UUID tenantId, String name, String slug, String industry) {
}
