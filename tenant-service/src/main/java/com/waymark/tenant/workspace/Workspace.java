package com.waymark.tenant.workspace;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One client business of an agency. */
/**
 * @param version bumped by every change: the ETag
 */
public record Workspace(UUID id, UUID tenantId, String name, String slug, @Nullable String industry, Instant createdAt,
        int version) {

    Workspace changed(String newName, String newSlug, @Nullable String newIndustry) {
        return new Workspace(id, tenantId, newName, newSlug, newIndustry, createdAt, version);
    }
}
