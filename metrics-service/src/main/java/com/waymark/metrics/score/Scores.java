package com.waymark.metrics.score;

/**
 * The formulas of DOMAIN.md, exactly, computed from histograms. Two-sided 95% throughout (z = 1.96).
 * <ul>
 * <li>NPS = %promoters (9–10) − %detractors (0–6); CI by the adjusted Wald method: n' = n + 3,
 * p' = (P + 0.75)/n', d' = (D + 0.75)/n', Var = (p' + d' − (p' − d')²)/n', CI = 100·((p' − d') ± z·√Var),
 * clamped to [−100, 100].</li>
 * <li>CSAT % = answers of 4 or 5 / n × 100, Wilson score interval.</li>
 * <li>CES (1–7) = mean with a normal-approximation interval mean ± z·s/√n (s the sample standard
 * deviation), clamped to the scale [1, 7]; plus % agreeing (5–7).</li>
 * </ul>
 */
public final class Scores {

    /** Two-sided 95% normal quantile, as DOMAIN.md specifies. */
    public static final double Z = 1.96;

    private final int minN;

    public Scores(int minN) {
        if (minN < 1) {
            throw new IllegalArgumentException("minimum n must be at least 1");
        }
        this.minN = minN;
    }

    public int minN() {
        return minN;
    }

    public Estimate estimate(Histogram histogram) {
        return switch (histogram.metric()) {
            case NPS -> nps(histogram);
            case CSAT -> csat(histogram);
            case CES -> ces(histogram);
        };
    }

    public Estimate nps(Histogram histogram) {
        require(histogram, Metric.NPS);
        long n = histogram.n();
        if (n == 0) {
            return Estimate.none(0, false);
        }
        long promoters = histogram.countBetween(9, 10);
        long detractors = histogram.countBetween(0, 6);
        double value = 100.0 * (promoters - detractors) / n;
        double adjustedN = n + 3;
        double adjustedDifference = (promoters + 0.75) / adjustedN - (detractors + 0.75) / adjustedN;
        double halfWidth = Z * Math.sqrt(npsVariance(histogram));
        return new Estimate(value, n, clamp(100 * (adjustedDifference - halfWidth), -100, 100),
                clamp(100 * (adjustedDifference + halfWidth), -100, 100), n >= minN, null);
    }

    public Estimate csat(Histogram histogram) {
        require(histogram, Metric.CSAT);
        long n = histogram.n();
        if (n == 0) {
            return Estimate.none(0, false);
        }
        double p = (double) histogram.countBetween(4, 5) / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double halfWidth = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Estimate(100 * p, n, 100 * Math.max(0, centre - halfWidth), 100 * Math.min(1, centre + halfWidth),
                n >= minN, null);
    }

    public Estimate ces(Histogram histogram) {
        require(histogram, Metric.CES);
        long n = histogram.n();
        if (n == 0) {
            return Estimate.none(0, false);
        }
        double mean = histogram.mean();
        double agreePct = 100.0 * histogram.countBetween(5, 7) / n;
        if (n < 2) {
            // one answer has no spread to estimate an interval from
            return new Estimate(mean, n, null, null, n >= minN, agreePct);
        }
        double halfWidth = Z * Math.sqrt(histogram.sampleVariance() / n);
        return new Estimate(mean, n, clamp(mean - halfWidth, Metric.CES.min(), Metric.CES.max()),
                clamp(mean + halfWidth, Metric.CES.min(), Metric.CES.max()), n >= minN, agreePct);
    }

    /**
     * Whether {@code current} differs from {@code previous} at the 95% level; false unless both have
     * enough answers. NPS: |ΔNPS| > z·√(Var₁ + Var₂) with the adjusted Wald variances; CSAT: pooled
     * two-proportion z-test; CES: Welch's test with the normal quantile (|Δmean| > z·√(s₁²/n₁ + s₂²/n₂)).
     */
    public boolean changeSignificant(Histogram previous, Histogram current) {
        if (previous.metric() != current.metric()) {
            throw new IllegalArgumentException("cannot compare " + previous.metric() + " with " + current.metric());
        }
        long n1 = previous.n();
        long n2 = current.n();
        if (n1 < minN || n2 < minN) {
            return false;
        }
        return switch (current.metric()) {
            case NPS -> {
                double difference = (npsProportion(current) - npsProportion(previous));
                yield Math.abs(difference) > Z * Math.sqrt(npsVariance(previous) + npsVariance(current));
            }
            case CSAT -> {
                long x1 = previous.countBetween(4, 5);
                long x2 = current.countBetween(4, 5);
                double pooled = (double) (x1 + x2) / (n1 + n2);
                double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
                yield Math.abs((double) x2 / n2 - (double) x1 / n1) > Z * standardError;
            }
            case CES -> {
                if (n1 < 2 || n2 < 2) {
                    yield false;
                }
                double standardError = Math.sqrt(previous.sampleVariance() / n1 + current.sampleVariance() / n2);
                yield Math.abs(current.mean() - previous.mean()) > Z * standardError;
            }
        };
    }

    /** NPS as a proportion difference, (P − D)/n. */
    private static double npsProportion(Histogram nps) {
        return (double) (nps.countBetween(9, 10) - nps.countBetween(0, 6)) / nps.n();
    }

    /** The adjusted Wald variance of p' − d' (proportion scale). */
    static double npsVariance(Histogram nps) {
        double adjustedN = nps.n() + 3;
        double p = (nps.countBetween(9, 10) + 0.75) / adjustedN;
        double d = (nps.countBetween(0, 6) + 0.75) / adjustedN;
        return (p + d - (p - d) * (p - d)) / adjustedN;
    }

    private static void require(Histogram histogram, Metric metric) {
        if (histogram.metric() != metric) {
            throw new IllegalArgumentException("expected a " + metric.value() + " histogram, got " + histogram.metric().value());
        }
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
