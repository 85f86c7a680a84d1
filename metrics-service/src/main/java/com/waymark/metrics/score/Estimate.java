package com.waymark.metrics.score;

import org.jspecify.annotations.Nullable;

/**
 * A score with its sample size and 95% confidence interval, unrounded. With no answers the value and
 * the interval are null; {@code enough} is false below the minimum n, but the numbers are still given.
 *
 * @param value    NPS (−100…100), CSAT % (0…100) or CES mean (1…7)
 * @param agreePct CES only: % of answers agreeing (5–7); null for the other metrics and when n = 0
 */
public record Estimate(@Nullable Double value, long n, @Nullable Double ciLow, @Nullable Double ciHigh, boolean enough,
        @Nullable Double agreePct) {

    static Estimate none(long n, boolean enough) {
        return new Estimate(null, n, null, null, enough, null);
    }
}
