package com.waymark.mapping.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The map with what customers actually report: per stage and touchpoint the observed scores (as
 * metrics-service gives them, with n and CI) and the observed emotion beside the expected one.
 * When metrics cannot be reached the map is still there and {@code live.available} is false.
 */
record LiveMap(JourneyMap journey, Live live, List<StageLive> stages, List<TouchpointLive> touchpoints) {

    record Live(boolean available, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String reason) {
    }

    record StageLive(UUID stageId, @Nullable Integer observedEmotion, @Nullable JsonNode nps, @Nullable JsonNode csat,
            @Nullable JsonNode ces, long responses) {
    }

    record TouchpointLive(UUID touchpointId, UUID stageId, int expectedEmotion, @Nullable Integer observedEmotion,
            @Nullable JsonNode nps, @Nullable JsonNode csat, @Nullable JsonNode ces, long responses) {
    }
}
