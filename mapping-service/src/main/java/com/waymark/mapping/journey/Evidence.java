package com.waymark.mapping.journey;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What keeps a map honest: a customer quote, an observation or a data point, with its source. */
record Evidence(UUID id, UUID journeyId, @Nullable UUID stageId, @Nullable UUID touchpointId, String kind, String text,
        @Nullable String source, @Nullable String link, Instant createdAt) {

    EvidenceFields fields() {
        return new EvidenceFields(stageId, touchpointId, kind, text, source, link);
    }
}
