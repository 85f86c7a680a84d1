package com.waymark.metrics.driver;

import org.jspecify.annotations.Nullable;

/**
 * Pearson's correlation coefficient r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²), computed in two passes
 * (means first) so that large, similar scores lose no precision. Too few pairs say nothing reliable
 * and zero variance leaves r undefined: both give null rather than a misleading number.
 */
final class Pearson {

    /** Fewer pairs than this give no importance. */
    static final int MIN_PAIRS = 10;

    private Pearson() {
    }

    static @Nullable Double of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must pair up: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < MIN_PAIRS) {
            return null;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        // rounding can push |r| a hair past 1 for perfectly linear data
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
