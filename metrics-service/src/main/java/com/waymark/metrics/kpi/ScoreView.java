package com.waymark.metrics.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;
import com.waymark.metrics.score.Estimate;

/**
 * An NPS or CSAT as the API shows it, rounded to one decimal. {@code enough} is false below the
 * minimum n; {@code skipped} counts the questions of this kind left unanswered (not in n).
 */
public record ScoreView(@Nullable Double value, long n, @Nullable Double ciLow, @Nullable Double ciHigh, boolean enough,
        long skipped) {

    public static ScoreView of(Estimate estimate, long skipped) {
        return new ScoreView(round(estimate.value()), estimate.n(), round(estimate.ciLow()), round(estimate.ciHigh()),
                estimate.enough(), skipped);
    }

    /** One decimal, halves away from zero; only for display, never before a computation. */
    public static @Nullable Double round(@Nullable Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
