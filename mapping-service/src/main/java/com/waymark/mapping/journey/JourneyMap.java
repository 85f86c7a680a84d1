package com.waymark.mapping.journey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.mapping.channel.Channel;

/**
 * The whole map of a journey: its fields, stages in order with their touchpoints in order, its notes,
 * and the channels its touchpoints use (so the map can be read, exported and imported by channel name).
 */
record JourneyMap(UUID id, String name, @Nullable UUID personaId, String state, @Nullable String ownerName,
        int reviewEveryDays, @Nullable String description, Instant lastReviewedAt, Instant reviewDueAt,
        boolean reviewDue, long version, Instant createdAt, Instant updatedAt,
        List<StageView> stages, List<PainPoint> painPoints, List<Opportunity> opportunities, List<Evidence> evidence,
        List<Channel> channels) {

    /** Snapshots written before a list was part of the map read back with it empty. */
    JourneyMap {
        stages = stages == null ? List.of() : stages;
        painPoints = painPoints == null ? List.of() : painPoints;
        opportunities = opportunities == null ? List.of() : opportunities;
        evidence = evidence == null ? List.of() : evidence;
        channels = channels == null ? List.of() : channels;
    }

    static JourneyMap of(Journey journey, List<StageView> stages, List<PainPoint> painPoints,
            List<Opportunity> opportunities, List<Evidence> evidence, List<Channel> channels) {
        return new JourneyMap(journey.id(), journey.name(), journey.personaId(), journey.state(), journey.ownerName(),
                journey.reviewEveryDays(), journey.description(), journey.lastReviewedAt(), journey.reviewDueAt(),
                journey.reviewDue(), journey.version(), journey.createdAt(), journey.updatedAt(),
                List.copyOf(stages), List.copyOf(painPoints), List.copyOf(opportunities), List.copyOf(evidence),
                List.copyOf(channels));
    }

    /** A stage with its touchpoints, in the map. */
    record StageView(UUID id, UUID journeyId, String name, int position, List<Touchpoint> touchpoints) {
    }
}
