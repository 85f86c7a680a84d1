package com.waymark.mapping.journey;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The observed emotion (−2 … +2) of a touchpoint or stage, from its scores, to set beside the expected
 * one. NPS decides when it has enough answers, else CSAT; with neither there is no observed emotion
 * rather than a guess.
 * <pre>
 *   NPS  ≥ 50 → +2   ≥ 20 → +1   > −20 → 0   > −50 → −1   else −2
 *   CSAT ≥ 85 → +2   ≥ 70 → +1   ≥ 50 → 0    ≥ 30 → −1    else −2   (top-2-box %)
 * </pre>
 */
final class ObservedEmotion {

    private ObservedEmotion() {
    }

    static @Nullable Integer of(@Nullable JsonNode scores) {
        if (scores == null) {
            return null;
        }
        Double nps = enoughValue(scores.get("nps"));
        if (nps != null) {
            return nps >= 50 ? 2 : nps >= 20 ? 1 : nps > -20 ? 0 : nps > -50 ? -1 : -2;
        }
        Double csat = enoughValue(scores.get("csat"));
        if (csat != null) {
            return csat >= 85 ? 2 : csat >= 70 ? 1 : csat >= 50 ? 0 : csat >= 30 ? -1 : -2;
        }
        return null;
    }

    private static @Nullable Double enoughValue(@Nullable JsonNode score) {
        if (score == null || !score.path("enough").asBoolean(false) || !score.path("value").isNumber()) {
            return null;
        }
        return score.get("value").asDouble();
    }
}
