package com.waymark.metrics.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.waymark.metrics.score.Metric;

/**
 * Pairs each respondent's score at a touchpoint with their journey-level outcome. Per response the
 * touchpoint score is its NPS answer, else its CSAT, else its CES (the first answered question of that
 * kind); a respondent with several responses at one touchpoint counts with the mean of them.
 * Respondents without an outcome are left out.
 */
final class Pairs {

    /** One answered scored question at a touchpoint, of a known respondent. */
    record TouchpointAnswer(UUID touchpointId, String respondentKey, UUID responseId, Metric metric, int position,
            int score) {
    }

    /** Scores at one touchpoint (x) and outcomes (y) of the same respondents, index by index. */
    record Paired(double[] x, double[] y) {

        int n() {
            return x.length;
        }
    }

    private Pairs() {
    }

    static Map<UUID, Paired> of(Map<String, Integer> outcomes, List<TouchpointAnswer> answers) {
        // the one answer that stands for each response: NPS before CSAT before CES, then question order
        Map<UUID, TouchpointAnswer> perResponse = new HashMap<>();
        Comparator<TouchpointAnswer> preference = Comparator.comparingInt((TouchpointAnswer a) -> a.metric().ordinal())
                .thenComparingInt(TouchpointAnswer::position);
        for (TouchpointAnswer answer : answers) {
            if (outcomes.containsKey(answer.respondentKey())) {
                perResponse.merge(answer.responseId(), answer,
                        (kept, other) -> preference.compare(other, kept) < 0 ? other : kept);
            }
        }
        // touchpoint → respondent → [sum, count], in a stable order
        Map<UUID, Map<String, double[]>> sums = new LinkedHashMap<>();
        perResponse.values().stream()
                .sorted(Comparator.comparing(TouchpointAnswer::responseId))
                .forEach(answer -> sums.computeIfAbsent(answer.touchpointId(), id -> new LinkedHashMap<>())
                        .merge(answer.respondentKey(), new double[] { answer.score(), 1 },
                                (a, b) -> new double[] { a[0] + b[0], a[1] + b[1] }));
        Map<UUID, Paired> paired = new LinkedHashMap<>();
        sums.forEach((touchpoint, byRespondent) -> {
            List<double[]> pairs = new ArrayList<>();
            byRespondent.forEach((respondent, sum) -> pairs.add(new double[] { sum[0] / sum[1], outcomes.get(respondent) }));
            double[] x = new double[pairs.size()];
            double[] y = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                x[i] = pairs.get(i)[0];
                y[i] = pairs.get(i)[1];
            }
            paired.put(touchpoint, new Paired(x, y));
        });
        return paired;
    }
}
