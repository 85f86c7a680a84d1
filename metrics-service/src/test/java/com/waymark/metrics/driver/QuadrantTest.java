package com.waymark.metrics.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuadrantTest {

    @Test
    void highImportanceAndLowPerformanceIsPriority() {
        assertThat(Quadrant.of(0.8, 10, 0.5, 30)).isEqualTo(Quadrant.PRIORITY);
        assertThat(Quadrant.of(0.8, 50, 0.5, 30)).isEqualTo(Quadrant.STRENGTH);
        assertThat(Quadrant.of(0.1, 50, 0.5, 30)).isEqualTo(Quadrant.MAINTAIN);
        assertThat(Quadrant.of(0.1, 10, 0.5, 30)).isEqualTo(Quadrant.SECONDARY);
    }

    @Test
    void aValueAtTheMedianCountsAsHigh() {
        assertThat(Quadrant.of(0.5, 30, 0.5, 30)).isEqualTo(Quadrant.STRENGTH);
        assertThat(Quadrant.of(0.5, 29.9, 0.5, 30)).isEqualTo(Quadrant.PRIORITY);
    }

    @Test
    void medianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheMeanOfTheTwoMiddle() {
        assertThat(Quadrant.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Quadrant.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Quadrant.median(List.of(-0.2))).isEqualTo(-0.2);
        assertThat(Quadrant.median(List.of())).isNull();
    }

    @Test
    void apiNamesAreLowercase() {
        assertThat(List.of(Quadrant.values())).extracting(Quadrant::value)
                .containsExactly("priority", "strength", "maintain", "secondary");
    }
}
