package com.waymark.metrics.score;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The scored question kinds and their scales. CES is CES 2.0 (1–7, higher = easier). */
public enum Metric {
    NPS("nps", 0, 10),
    CSAT("csat", 1, 5),
    CES("ces", 1, 7);

    private final String value;
    private final int min;
    private final int max;

    Metric(String value, int min, int max) {
        this.value = value;
        this.min = min;
        this.max = max;
    }

    /** The name used in events, the database and the API. */
    public String value() {
        return value;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    public static Optional<Metric> fromValue(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(metric -> metric.value.equals(wanted)).findFirst();
    }
}
