package com.waymark.metrics.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PearsonTest {

    static final double[] ONE_TO_TEN = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    @Test
    void perfectlyRisingTogetherIsOne() {
        double[] doubled = { 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 };
        assertThat(Pearson.of(ONE_TO_TEN, doubled)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void perfectlyOpposedIsMinusOne() {
        double[] falling = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
        assertThat(Pearson.of(ONE_TO_TEN, falling)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void neighboursSwappedInPairsGiveThirtyOneThirtyThirds() {
        // x̄ = ȳ = 5.5; Σdx² = Σdy² = 82.5; Σdx·dy = 4·15.75 + 4·3.75 − 2·0.25 = 77.5 → r = 77.5 / 82.5 = 31/33
        double[] swapped = { 2, 1, 4, 3, 6, 5, 8, 7, 10, 9 };
        assertThat(Pearson.of(ONE_TO_TEN, swapped)).isCloseTo(31.0 / 33.0, within(1e-12));
    }

    @Test
    void unrelatedScoresGiveZero() {
        // y is symmetric around the middle of x: Σdx·dy = 0
        double[] x = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        double[] y = { 5, 1, 9, 3, 7, 7, 3, 9, 1, 5 };
        assertThat(Pearson.of(x, y)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void zeroVarianceOnEitherSideHasNoCorrelation() {
        double[] constant = { 7, 7, 7, 7, 7, 7, 7, 7, 7, 7 };
        assertThat(Pearson.of(constant, ONE_TO_TEN)).isNull();
        assertThat(Pearson.of(ONE_TO_TEN, constant)).isNull();
    }

    @Test
    void fewerThanTenPairsGiveNoCorrelation() {
        double[] nine = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        assertThat(Pearson.of(nine, nine)).isNull();
        assertThat(Pearson.of(new double[0], new double[0])).isNull();
    }

    @Test
    void unpairedInputIsAProgrammingError() {
        assertThatThrownBy(() -> Pearson.of(ONE_TO_TEN, new double[] { 1 })).isInstanceOf(IllegalArgumentException.class);
    }
}
