package com.waymark.metrics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.waymark.metrics.rollup.Coverage.Range;

class CoverageTest {

    @Test
    void aYearIsWholeMonthsWithWeeksAndDaysOnlyAtTheEdges() {
        // 2025-11-24 (a Monday) … 2026-11-23: the rest of November 2025, Dec … Oct, then November 2026 up to the 23rd
        Coverage coverage = Coverage.of(LocalDate.of(2025, 11, 24), LocalDate.of(2026, 11, 23), Interval.MONTH);

        assertThat(coverage.ranges()).containsExactly(
                new Range(Interval.WEEK, LocalDate.of(2025, 11, 24), LocalDate.of(2025, 11, 24)),
                new Range(Interval.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2026, 10, 1)),
                new Range(Interval.DAY, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)),
                new Range(Interval.WEEK, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16)),
                new Range(Interval.DAY, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)));
        assertThat(coverage.buckets()).isEqualTo(1 + 11 + 1 + 3 + 1);
    }

    @Test
    void everyDayIsCoveredExactlyOnceWhateverThePeriodAndTheCoarsestGrain() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int from = 0; from < 70; from += 3) {
            for (int length = 0; length < 120; length += 7) {
                for (Interval coarsest : Interval.values()) {
                    LocalDate first = start.plusDays(from);
                    LocalDate last = first.plusDays(length);
                    Set<LocalDate> days = new HashSet<>();
                    long covered = 0;
                    for (Range range : Coverage.of(first, last, coarsest).ranges()) {
                        assertThat(range.grain().ordinal()).isLessThanOrEqualTo(coarsest.ordinal());
                        for (LocalDate bucket = range.first(); !bucket.isAfter(range.last()); bucket = range.grain().next(bucket)) {
                            // a bucket lies inside one bucket of the coarsest grain, and inside the period
                            assertThat(coarsest.start(bucket)).isEqualTo(coarsest.start(range.grain().next(bucket).minusDays(1)));
                            for (LocalDate day = bucket; day.isBefore(range.grain().next(bucket)); day = day.plusDays(1)) {
                                assertThat(day).isBetween(first, last);
                                days.add(day);
                                covered++;
                            }
                        }
                    }
                    assertThat(covered).as(first + ".." + last + " " + coarsest).isEqualTo(length + 1);
                    assertThat(days).hasSize(length + 1);
                }
            }
        }
    }

    @Test
    void aDailySeriesReadsDaysOnlyAndAnEmptyPeriodNothing() {
        assertThat(Coverage.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), Interval.DAY).ranges())
                .containsExactly(new Range(Interval.DAY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertThat(Coverage.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), Interval.MONTH).condition())
                .isEqualTo("false");
    }
}
