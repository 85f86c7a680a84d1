package com.waymark.metrics.portfolio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.metrics.kpi.ScoreView;
import com.waymark.metrics.portfolio.Portfolio.Benchmark;
import com.waymark.metrics.portfolio.Portfolio.Median;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Metric;

/**
 * Industry benchmarks: for one client, the medians of the agency's other clients of the same industry
 * (industries compared case-insensitively). Only values with enough answers count, and a figure is
 * shown only when at least {@link #MIN_WORKSPACES} clients contribute, so it never reveals one client.
 */
final class Benchmarks {

    static final int MIN_WORKSPACES = 5;

    /** One workspace's industry and its current estimates. */
    record Entry(UUID workspaceId, @Nullable String industry, Map<Metric, Estimate> estimates) {
    }

    private final Map<String, List<Entry>> byIndustry = new HashMap<>();

    Benchmarks(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.industry() != null) {
                byIndustry.computeIfAbsent(key(entry.industry()), k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /** Null without an industry or when fewer than 5 other clients of the industry contribute. */
    @Nullable Benchmark of(UUID workspaceId, @Nullable String industry) {
        if (industry == null) {
            return null;
        }
        List<Entry> others = byIndustry.getOrDefault(key(industry), List.of()).stream()
                .filter(entry -> !entry.workspaceId().equals(workspaceId)).toList();
        int contributing = (int) others.stream()
                .filter(entry -> entry.estimates().values().stream().anyMatch(Benchmarks::counts)).count();
        if (contributing < MIN_WORKSPACES) {
            return null;
        }
        return new Benchmark(industry, contributing, median(others, Metric.NPS), median(others, Metric.CSAT),
                median(others, Metric.CES));
    }

    private static Median median(List<Entry> others, Metric metric) {
        List<Double> values = new ArrayList<>();
        for (Entry entry : others) {
            Estimate estimate = entry.estimates().get(metric);
            if (estimate != null && counts(estimate)) {
                values.add(estimate.value());
            }
        }
        if (values.size() < MIN_WORKSPACES) {
            return new Median(null, values.size());
        }
        Collections.sort(values);
        int middle = values.size() / 2;
        double median = values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
        return new Median(ScoreView.round(median), values.size());
    }

    private static boolean counts(Estimate estimate) {
        return estimate.enough() && estimate.value() != null;
    }

    private static String key(String industry) {
        return industry.strip().toLowerCase(Locale.ROOT);
    }
}
