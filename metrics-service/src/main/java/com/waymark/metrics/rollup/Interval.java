package com.waymark.metrics.rollup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/** Time-series buckets of UTC days: days, ISO weeks (from Monday) or calendar months. */
public enum Interval {
    DAY("day"),
    WEEK("week"),
    MONTH("month");

    private final String value;

    Interval(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The first day of the bucket holding {@code day}; the same as PostgreSQL's {@code date_trunc}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    public static Optional<Interval> fromValue(String value) {
        return Arrays.stream(values()).filter(interval -> interval.value.equals(value)).findFirst();
    }
}
