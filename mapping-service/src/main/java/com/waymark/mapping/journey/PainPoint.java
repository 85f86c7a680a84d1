package com.waymark.mapping.journey;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A problem customers have on the journey, at a stage or touchpoint when known; severity 1 (minor) … 5. */
record PainPoint(UUID id, UUID journeyId, @Nullable UUID stageId, @Nullable UUID touchpointId, String title,
        @Nullable String description, int severity, Instant createdAt) {

    PainPointFields fields() {
        return new PainPointFields(stageId, touchpointId, title, description, severity);
    }
}
