package com.waymark.mapping.template;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A template in a list: everything but its map. */
record TemplateSummary(UUID id, String name, @Nullable String description, UUID sourceWorkspaceId, UUID sourceJourneyId,
        Instant createdAt, String createdBy) {
}
