package com.waymark.metrics.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Importance × performance quadrants, split at the medians over the touchpoints that have both.
 * A value equal to its median counts as high, so a single touchpoint is a {@code strength}.
 */
enum Quadrant {
    /** Matters a lot, performs poorly: fix first. */
    PRIORITY("priority"),
    /** Matters a lot, performs well: keep it up. */
    STRENGTH("strength"),
    /** Matters little, performs well: do not over-invest. */
    MAINTAIN("maintain"),
    /** Matters little, performs poorly: later. */
    SECONDARY("secondary");

    private final String value;

    Quadrant(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Quadrant of(double importance, double performance, double medianImportance, double medianPerformance) {
        boolean important = importance >= medianImportance;
        boolean performing = performance >= medianPerformance;
        if (important) {
            return performing ? STRENGTH : PRIORITY;
        }
        return performing ? MAINTAIN : SECONDARY;
    }

    /** The median (mean of the two middle values for an even count); null for none. */
    static @Nullable Double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
