package com.waymark.mapping.journey;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An idea to improve the journey (optionally fixing one pain point), with impact and effort 1 … 5. */
record Opportunity(UUID id, UUID journeyId, @Nullable UUID painPointId, String title, @Nullable String description,
        int impact, int effort, String status, @Nullable String owner, Instant createdAt) {

    OpportunityFields fields() {
        return new OpportunityFields(painPointId, title, description, impact, effort, status, owner);
    }
}
