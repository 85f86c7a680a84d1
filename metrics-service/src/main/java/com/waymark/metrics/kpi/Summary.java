package com.waymark.metrics.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET .../metrics/summary}: the scores of the workspace (all answers) and of each journey,
 * stage and touchpoint (the answers given at their touchpoints, pooled).
 */
record Summary(LocalDate from, LocalDate to, @Nullable String segment, @Nullable UUID journeyId, int minN,
        WorkspaceScores workspace, List<JourneyScores> journeys, List<StageScores> stages, List<TouchpointScores> touchpoints) {

    Summary {
        journeys = List.copyOf(journeys);
        stages = List.copyOf(stages);
        touchpoints = List.copyOf(touchpoints);
    }

    record WorkspaceScores(ScoreView nps, ScoreView csat, CesView ces, long responses) {
    }

    /**
     * A journey's own scores pool every response of the journey: the answers at its touchpoints (by the
     * current map) and its journey-level survey responses. {@code touchpointMean} is the other view: the
     * unweighted mean of its touchpoints' own values.
     */
    record JourneyScores(UUID journeyId, @Nullable String name, ScoreView nps, ScoreView csat, CesView ces,
            long responses, TouchpointMean touchpointMean) {
    }

    /** Per metric, the unweighted mean of the journey's touchpoint values that are {@code enough}. */
    record TouchpointMean(Mean nps, Mean csat, Mean ces) {
    }

    /**
     * {@code value}: the mean (one decimal; of the unrounded touchpoint values), null when no touchpoint has
     * enough answers; {@code touchpoints}: how many touchpoints it averages.
     */
    record Mean(@Nullable Double value, int touchpoints) {
    }

    record StageScores(UUID stageId, UUID journeyId, @Nullable String name, @Nullable Integer position, ScoreView nps,
            ScoreView csat, CesView ces, long responses) {
    }

    /** {@code name}, {@code stageId} and {@code journeyId} are null for a touchpoint the map does not (yet) know. */
    record TouchpointScores(UUID touchpointId, @Nullable UUID stageId, @Nullable UUID journeyId, @Nullable String name,
            ScoreView nps, ScoreView csat, CesView ces, long responses) {
    }
}
