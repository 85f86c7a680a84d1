package com.waymark.metrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The formulas of DOMAIN.md against numbers worked out by hand (the derivation is in each test), so a
 * formula that drifts from the definition fails here. z = 1.96 throughout.
 */
class ScoresTest {

    static final Offset<Double> HAND = within(0.001);

    final Scores scores = new Scores(30);

    @Nested
    class Nps {

        @Test
        void noAnswersGiveNoValueNoIntervalAndNotEnough() {
            Estimate nps = scores.nps(Histogram.empty(Metric.NPS));

            assertThat(nps.n()).isZero();
            assertThat(nps.value()).isNull();
            assertThat(nps.ciLow()).isNull();
            assertThat(nps.ciHigh()).isNull();
            assertThat(nps.enough()).isFalse();
        }

        @Test
        void sixPromotersTwoDetractorsOfTenGiveForty() {
            // P = 6 (10,10,9,9,9,9), passives 8,7, D = 2 (3,0), n = 10: NPS = 60% − 20% = 40
            // n' = 13, p' = 6.75/13 = 0.519231, d' = 2.75/13 = 0.211538, p' − d' = 0.307692
            // Var = (0.519231 + 0.211538 − 0.307692²)/13 = (0.730769 − 0.094675)/13 = 0.0489304
            // 1.96·√Var = 1.96·0.221202 = 0.433556 → CI = 100·(0.307692 ± 0.433556) = [−12.586, 74.125]
            Estimate nps = scores.nps(Histogram.of(Metric.NPS, 10, 10, 9, 9, 9, 9, 8, 7, 3, 0));

            assertThat(nps.value()).isCloseTo(40.0, HAND);
            assertThat(nps.n()).isEqualTo(10);
            assertThat(nps.ciLow()).isCloseTo(-12.586, HAND);
            assertThat(nps.ciHigh()).isCloseTo(74.125, HAND);
            assertThat(nps.enough()).isFalse();
            assertThat(Scores.npsVariance(Histogram.of(Metric.NPS, 10, 10, 9, 9, 9, 9, 8, 7, 3, 0)))
                    .isCloseTo(0.0489304, within(1e-6));
        }

        @Test
        void allPromotersGiveAHundredWithTheIntervalClampedAtAHundred() {
            // P = 10, D = 0, n = 10: NPS 100; n' = 13, p' = 10.75/13 = 0.826923, d' = 0.75/13 = 0.057692
            // p' − d' = 0.769231, Var = (0.884615 − 0.591716)/13 = 0.0225307, 1.96·√Var = 0.294200
            // CI = [47.503, 106.343] → clamped to [47.503, 100]
            Estimate nps = scores.nps(Histogram.of(Metric.NPS, 10, 10, 10, 10, 10, 9, 9, 9, 9, 9));

            assertThat(nps.value()).isCloseTo(100.0, HAND);
            assertThat(nps.ciLow()).isCloseTo(47.503, HAND);
            assertThat(nps.ciHigh()).isEqualTo(100.0);
        }

        @Test
        void allDetractorsGiveMinusAHundredWithTheIntervalClampedAtMinusAHundred() {
            // the mirror image of all promoters: CI = [−106.343, −47.503] → [−100, −47.503]
            Estimate nps = scores.nps(Histogram.of(Metric.NPS, 0, 1, 2, 3, 4, 5, 6, 6, 6, 0));

            assertThat(nps.value()).isCloseTo(-100.0, HAND);
            assertThat(nps.ciLow()).isEqualTo(-100.0);
            assertThat(nps.ciHigh()).isCloseTo(-47.503, HAND);
        }

        @Test
        void passivesCountInNButNeitherSide() {
            // 5 passives: P = D = 0, NPS 0, n = 5; n' = 8, p' = d' = 0.09375, Var = 0.1875/8 = 0.0234375
            // 1.96·√Var = 1.96·0.153093 = 0.300062 → CI = [−30.006, 30.006]
            Estimate nps = scores.nps(Histogram.of(Metric.NPS, 7, 7, 8, 8, 8));

            assertThat(nps.value()).isCloseTo(0.0, HAND);
            assertThat(nps.n()).isEqualTo(5);
            assertThat(nps.ciLow()).isCloseTo(-30.006, HAND);
            assertThat(nps.ciHigh()).isCloseTo(30.006, HAND);
        }

        @Test
        void thirtyAnswersAreEnoughAndTwentyNineAreNot() {
            Histogram twentyNine = Histogram.empty(Metric.NPS).plus(9, 29);

            assertThat(scores.nps(twentyNine).enough()).isFalse();
            assertThat(scores.nps(twentyNine.plus(10, 1)).enough()).isTrue();
        }
    }

    @Nested
    class Csat {

        @Test
        void sevenSatisfiedOfTenGiveSeventyPercentWithTheWilsonInterval() {
            // top-2-box: 5,5,4,4,4,5,4 = 7 of n = 10 → 70%
            // z² = 3.8416, denominator = 1 + 3.8416/10 = 1.38416
            // centre = (0.7 + 3.8416/20)/1.38416 = 0.89208/1.38416 = 0.644492
            // half = 1.96/1.38416 · √(0.7·0.3/10 + 3.8416/400) = 1.416021 · √0.030604 = 0.247719
            // → [39.677, 89.221]
            Estimate csat = scores.csat(Histogram.of(Metric.CSAT, 5, 5, 4, 4, 4, 3, 2, 1, 5, 4));

            assertThat(csat.value()).isCloseTo(70.0, HAND);
            assertThat(csat.n()).isEqualTo(10);
            assertThat(csat.ciLow()).isCloseTo(39.677, HAND);
            assertThat(csat.ciHigh()).isCloseTo(89.221, HAND);
        }

        @Test
        void allSatisfiedGiveAHundredAndAWilsonLowerBoundBelowIt() {
            // p = 1: centre = (1 + 0.19208)/1.38416 = 0.861230, half = 1.416021·√0.009604 = 0.138770
            // → [72.246, 100]
            Estimate csat = scores.csat(Histogram.of(Metric.CSAT, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4));

            assertThat(csat.value()).isCloseTo(100.0, HAND);
            assertThat(csat.ciLow()).isCloseTo(72.246, HAND);
            assertThat(csat.ciHigh()).isCloseTo(100.0, HAND);
        }

        @Test
        void noneSatisfiedGiveZeroAndAnIntervalThatNeverGoesNegative() {
            Estimate csat = scores.csat(Histogram.of(Metric.CSAT, 1, 2, 3, 3, 3, 2, 1, 1, 2, 3));

            assertThat(csat.value()).isCloseTo(0.0, HAND);
            assertThat(csat.ciLow()).isEqualTo(0.0);
            assertThat(csat.ciHigh()).isCloseTo(27.754, HAND);
        }

        @Test
        void noAnswersGiveNoValue() {
            Estimate csat = scores.csat(Histogram.empty(Metric.CSAT));

            assertThat(csat.value()).isNull();
            assertThat(csat.ciLow()).isNull();
            assertThat(csat.n()).isZero();
        }
    }

    @Nested
    class Ces {

        @Test
        void theMeanComesWithANormalIntervalAndThePercentAgreeing() {
            // 7,6,5,5,4,3,7,2,5,6: sum 50, n 10, mean 5.0
            // squared deviations 4,1,0,0,1,4,4,9,0,1 = 24 → s² = 24/9 = 2.666667, s = 1.632993
            // 1.96·s/√10 = 1.96·0.516398 = 1.012140 → [3.988, 6.012]; agreeing (5–7): 7 of 10 = 70%
            Estimate ces = scores.ces(Histogram.of(Metric.CES, 7, 6, 5, 5, 4, 3, 7, 2, 5, 6));

            assertThat(ces.value()).isCloseTo(5.0, HAND);
            assertThat(ces.n()).isEqualTo(10);
            assertThat(ces.ciLow()).isCloseTo(3.988, HAND);
            assertThat(ces.ciHigh()).isCloseTo(6.012, HAND);
            assertThat(ces.agreePct()).isCloseTo(70.0, HAND);
        }

        @Test
        void identicalAnswersHaveNoSpread() {
            Estimate ces = scores.ces(Histogram.of(Metric.CES, 6, 6, 6));

            assertThat(ces.value()).isCloseTo(6.0, HAND);
            assertThat(ces.ciLow()).isCloseTo(6.0, HAND);
            assertThat(ces.ciHigh()).isCloseTo(6.0, HAND);
            assertThat(ces.agreePct()).isCloseTo(100.0, HAND);
        }

        @Test
        void oneAnswerHasAMeanButNoInterval() {
            Estimate ces = scores.ces(Histogram.of(Metric.CES, 3));

            assertThat(ces.value()).isCloseTo(3.0, HAND);
            assertThat(ces.ciLow()).isNull();
            assertThat(ces.ciHigh()).isNull();
            assertThat(ces.agreePct()).isCloseTo(0.0, HAND);
        }

        @Test
        void theIntervalStaysOnTheScale() {
            // 1,1,1,7: mean 2.5, s² = (3·2.25 + 20.25)/3 = 9, s = 3, 1.96·3/2 = 2.94 → [−0.44, 5.44] → [1, 5.44]
            Estimate ces = scores.ces(Histogram.of(Metric.CES, 1, 1, 1, 7));

            assertThat(ces.ciLow()).isEqualTo(1.0);
            assertThat(ces.ciHigh()).isCloseTo(5.44, HAND);
        }

        @Test
        void noAnswersGiveNoValueAndNoAgreement() {
            Estimate ces = scores.ces(Histogram.empty(Metric.CES));

            assertThat(ces.value()).isNull();
            assertThat(ces.agreePct()).isNull();
        }
    }

    @Nested
    class ChangeSignificance {

        @Test
        void aTwentyThreePointNpsRiseOnThirtyAnswersEachIsNotSignificant() {
            // before P=15, D=5, n=30 (33.3): Var₁ = (0.477273 + 0.174242 − 0.303030²)/33 = 0.0169602
            // after  P=20, D=3, n=30 (56.7): Var₂ = (0.628788 + 0.113636 − 0.515152²)/33 = 0.0144559
            // 1.96·√(Var₁ + Var₂) = 1.96·0.177245 = 0.347400 > |Δ| = 0.233333
            Histogram before = nps(15, 10, 5);
            Histogram after = nps(20, 7, 3);

            assertThat(scores.changeSignificant(before, after)).isFalse();
        }

        @Test
        void aNinetyPointNpsRiseOnThirtyAnswersEachIsSignificant() {
            // before P=5, D=15 (−33.3), after P=20, D=3 (56.7): |Δ| = 0.9 > 1.96·√(0.0169602 + 0.0144559) = 0.3474
            assertThat(scores.changeSignificant(nps(5, 10, 15), nps(20, 7, 3))).isTrue();
        }

        @Test
        void aCsatRiseFromHalfToNinetyPercentOnThirtyEachIsSignificant() {
            // pooled p = 42/60 = 0.7, SE = √(0.7·0.3·(2/30)) = 0.118322, 1.96·SE = 0.231911 < |Δ| = 0.4
            assertThat(scores.changeSignificant(csat(15, 15), csat(27, 3))).isTrue();
        }

        @Test
        void aCsatRiseFromHalfToTwoThirdsOnThirtyEachIsNotSignificant() {
            // pooled p = 35/60 = 0.583333, SE = √(0.243056·(2/30)) = 0.127294, 1.96·SE = 0.249496 > |Δ| = 0.166667
            assertThat(scores.changeSignificant(csat(15, 15), csat(20, 10))).isFalse();
        }

        @Test
        void aCesMeanShiftIsJudgedByWelch() {
            // before: 15×4, 15×6 → mean 5, s² = 30/29 = 1.034483
            // after:  15×5, 15×7 → mean 6, s² = 1.034483
            // 1.96·√(1.034483/30 + 1.034483/30) = 1.96·0.262613 = 0.514721 < |Δ| = 1 → significant
            Histogram before = Histogram.empty(Metric.CES).plus(4, 15).plus(6, 15);
            Histogram after = Histogram.empty(Metric.CES).plus(5, 15).plus(7, 15);

            assertThat(scores.changeSignificant(before, after)).isTrue();
        }

        @Test
        void aSmallCesMeanShiftIsNotSignificant() {
            // after: 12×4, 18×6 → mean 5.2, s² = (12·1.44 + 18·0.64)/29 = 28.8/29 = 0.993103
            // 1.96·√(1.034483/30 + 0.993103/30) = 1.96·0.259974 = 0.509548 > |Δ| = 0.2
            Histogram before = Histogram.empty(Metric.CES).plus(4, 15).plus(6, 15);
            Histogram after = Histogram.empty(Metric.CES).plus(4, 12).plus(6, 18);

            assertThat(after.mean()).isCloseTo(5.2, HAND);
            assertThat(after.sampleVariance()).isCloseTo(0.993103, HAND);
            assertThat(scores.changeSignificant(before, after)).isFalse();
        }

        @Test
        void aPointWithoutEnoughAnswersIsNeverSignificant() {
            Histogram detractors = Histogram.empty(Metric.NPS).plus(0, 30);
            Histogram fewPromoters = Histogram.empty(Metric.NPS).plus(10, 29);

            assertThat(scores.changeSignificant(detractors, fewPromoters)).isFalse();
            assertThat(scores.changeSignificant(detractors, fewPromoters.plus(10, 1))).isTrue();
        }

        private Histogram nps(int promoters, int passives, int detractors) {
            return Histogram.empty(Metric.NPS).plus(10, promoters).plus(8, passives).plus(0, detractors);
        }

        private Histogram csat(int satisfied, int not) {
            return Histogram.empty(Metric.CSAT).plus(5, satisfied).plus(2, not);
        }
    }

    @Test
    void histogramsPoolExactly() {
        Histogram pooled = Histogram.of(Metric.NPS, 10, 0).plus(Histogram.of(Metric.NPS, 9, 9, 3));

        assertThat(pooled).isEqualTo(Histogram.of(Metric.NPS, 0, 3, 9, 9, 10));
        assertThat(pooled.n()).isEqualTo(5);
        assertThat(pooled.countBetween(9, 10)).isEqualTo(3);
    }

    @Test
    void scoresOffTheScaleAndMixedMetricsAreRejected() {
        assertThatThrownBy(() -> Histogram.of(Metric.CSAT, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Histogram.of(Metric.NPS, 9).plus(Histogram.of(Metric.CES, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scores.nps(Histogram.of(Metric.CSAT, 5))).isInstanceOf(IllegalArgumentException.class);
    }
}
