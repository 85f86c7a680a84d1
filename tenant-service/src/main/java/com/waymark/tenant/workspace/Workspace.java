package com.waymark.tenant.workspace;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One client business of an agency. */
public record Workspace(UUID id, UUID tenantId, String name, String slug, @Nullable String industry, Instant createdAt) {

    Workspace changed(String newName, String newSlug, @Nullable String newIndustry) {
        return new Workspace(id, tenantId, newName, newSlug, newIndustry, createdAt);
    }
}
