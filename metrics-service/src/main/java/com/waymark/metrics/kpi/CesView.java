package com.waymark.metrics.kpi;

import org.jspecify.annotations.Nullable;
import com.waymark.metrics.score.Estimate;

/** CES 2.0 as the API shows it: {@code value} is the mean (1–7) with its interval, plus % agreeing (5–7). */
public record CesView(@Nullable Double value, long n, @Nullable Double ciLow, @Nullable Double ciHigh, boolean enough,
        long skipped, @Nullable Double agreePct) {

    public static CesView of(Estimate estimate, long skipped) {
        return new CesView(ScoreView.round(estimate.value()), estimate.n(), ScoreView.round(estimate.ciLow()),
                ScoreView.round(estimate.ciHigh()), estimate.enough(), skipped, ScoreView.round(estimate.agreePct()));
    }
}
