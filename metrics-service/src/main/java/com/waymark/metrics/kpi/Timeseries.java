package com.waymark.metrics.kpi;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET .../metrics/timeseries}: one metric per bucket, every bucket of the period included. */
record Timeseries(String metric, String interval, LocalDate from, LocalDate to, int minN, List<Point> points) {

    Timeseries {
        points = List.copyOf(points);
    }

    /**
     * {@code start} is the bucket's first day (a Monday for weeks, the 1st for months), which may precede
     * {@code from}; only answers within the period count. {@code changeSignificant} compares with the
     * previous point at the 95% level and is false unless both have enough answers.
     */
    record Point(LocalDate start, @Nullable Double value, long n, @Nullable Double ciLow, @Nullable Double ciHigh,
            boolean enough, boolean changeSignificant) {
    }
}
