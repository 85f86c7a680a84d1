package com.waymark.metrics.rollup;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which rollup rows add up to exactly the days {@code from}…{@code to} (inclusive, local days): whole
 * months where the period holds them, whole ISO weeks inside the rest, single days only at the edges.
 * A year is then ~12 month rows per key plus at most a few weeks and days, instead of 365 day rows.
 * {@code coarsest} caps the grain, so that every row lies inside one bucket of a time series
 * (a week may straddle two months, so a monthly series splits at month boundaries first).
 */
record Coverage(List<Range> ranges) {

    /** Rows of one grain whose bucket starts lie in {@code first}…{@code last}. */
    record Range(Interval grain, LocalDate first, LocalDate last) {
    }

    Coverage {
        ranges = List.copyOf(ranges);
    }

    static Coverage of(LocalDate from, LocalDate to, Interval coarsest) {
        List<Range> ranges = new ArrayList<>();
        if (!from.isAfter(to)) {
            cover(from, to, coarsest, ranges);
        }
        return new Coverage(ranges);
    }

    private static void cover(LocalDate from, LocalDate to, Interval grain, List<Range> ranges) {
        if (grain == Interval.DAY) {
            add(ranges, Interval.DAY, from, to);
            return;
        }
        Interval finer = grain == Interval.MONTH ? Interval.WEEK : Interval.DAY;
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate bucket = grain.start(start);
            LocalDate bucketEnd = grain.next(bucket).minusDays(1);
            LocalDate pieceEnd = bucketEnd.isAfter(to) ? to : bucketEnd;
            if (start.equals(bucket) && pieceEnd.equals(bucketEnd)) {
                add(ranges, grain, bucket, bucket);
            } else {
                cover(start, pieceEnd, finer, ranges);
            }
            start = pieceEnd.plusDays(1);
        }
    }

    /** Appends a bucket, merging it into the previous range when it continues it. */
    private static void add(List<Range> ranges, Interval grain, LocalDate first, LocalDate last) {
        if (!ranges.isEmpty()) {
            Range previous = ranges.get(ranges.size() - 1);
            if (previous.grain() == grain && grain.next(previous.last()).equals(first)) {
                ranges.set(ranges.size() - 1, new Range(grain, previous.first(), last));
                return;
            }
        }
        ranges.add(new Range(grain, first, last));
    }

    /** Number of buckets read per rollup key (what a query costs). */
    long buckets() {
        long count = 0;
        for (Range range : ranges) {
            for (LocalDate day = range.first(); !day.isAfter(range.last()); day = range.grain().next(day)) {
                count++;
            }
        }
        return count;
    }

    /** The SQL condition selecting exactly these rows; {@link #bind} gives its parameters. */
    String condition() {
        if (ranges.isEmpty()) {
            return "false";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            parts.add("(grain = :g" + i + " and day between :f" + i + " and :l" + i + ")");
        }
        return "(" + String.join(" or ", parts) + ")";
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = statement;
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            bound = bound.param("g" + i, range.grain().value())
                    .param("f" + i, Date.valueOf(range.first()))
                    .param("l" + i, Date.valueOf(range.last()));
        }
        return bound;
    }
}
