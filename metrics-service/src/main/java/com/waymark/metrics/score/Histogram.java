package com.waymark.metrics.score;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * How many answers gave each score of one metric. Immutable; histograms add up exactly, which is why
 * pooling touchpoints into stages, journeys and the workspace loses nothing.
 */
public final class Histogram {

    private final Metric metric;
    private final long[] counts;

    private Histogram(Metric metric, long[] counts) {
        this.metric = metric;
        this.counts = counts;
    }

    public static Histogram empty(Metric metric) {
        return new Histogram(metric, new long[metric.max() - metric.min() + 1]);
    }

    /** One answer per score given, e.g. {@code of(NPS, 10, 9, 3)}. */
    public static Histogram of(Metric metric, int... scores) {
        Histogram histogram = empty(metric);
        for (int score : scores) {
            histogram = histogram.plus(score, 1);
        }
        return histogram;
    }

    public Histogram plus(int score, long count) {
        if (!metric.accepts(score)) {
            throw new IllegalArgumentException(score + " is not a " + metric.value() + " score");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        long[] added = counts.clone();
        added[score - metric.min()] += count;
        return new Histogram(metric, added);
    }

    public Histogram plus(Histogram other) {
        if (other.metric != metric) {
            throw new IllegalArgumentException("cannot pool " + metric.value() + " with " + other.metric.value());
        }
        long[] added = counts.clone();
        for (int i = 0; i < added.length; i++) {
            added[i] += other.counts[i];
        }
        return new Histogram(metric, added);
    }

    public Metric metric() {
        return metric;
    }

    /** Answers given (skipped answers are never in a histogram). */
    public long n() {
        return Arrays.stream(counts).sum();
    }

    public long count(int score) {
        return metric.accepts(score) ? counts[score - metric.min()] : 0;
    }

    /** Answers with a score in {@code [low, high]}. */
    public long countBetween(int low, int high) {
        long total = 0;
        for (int score = Math.max(low, metric.min()); score <= Math.min(high, metric.max()); score++) {
            total += counts[score - metric.min()];
        }
        return total;
    }

    /** Arithmetic mean of the scores; NaN when there are none. */
    public double mean() {
        long n = n();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (double) (i + metric.min()) * counts[i];
        }
        return sum / n;
    }

    /** Sample variance (n − 1 in the denominator), from squared deviations; NaN below two answers. */
    public double sampleVariance() {
        long n = n();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < counts.length; i++) {
            double deviation = i + metric.min() - mean;
            squares += deviation * deviation * counts[i];
        }
        return squares / (n - 1);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Histogram histogram && histogram.metric == metric && Arrays.equals(histogram.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * metric.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return metric.value() + Arrays.toString(counts);
    }
}
