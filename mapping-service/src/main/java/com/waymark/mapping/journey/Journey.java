package com.waymark.mapping.journey;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A journey without its content, as listed. {@code reviewDueAt} = last review + review cadence;
 * {@code version} changes with every change to the map and is its ETag.
 */
record Journey(UUID id, String name, @Nullable UUID personaId, String state, @Nullable String ownerName,
        int reviewEveryDays, @Nullable String description, Instant lastReviewedAt, Instant reviewDueAt,
        boolean reviewDue, long version, Instant createdAt, Instant updatedAt) {

    JourneyFields fields() {
        return new JourneyFields(name, personaId, state, ownerName, reviewEveryDays, description);
    }
}
