package com.waymark.metrics.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.metrics.kpi.CesView;
import com.waymark.metrics.kpi.ScoreView;

/**
 * {@code GET /api/tenants/{tenantId}/portfolio}: each workspace's scores over the period and their
 * trend vs the previous period of equal length ({@code previousFrom}…{@code previousTo}). The top-level
 * {@code minN} is the service default; each row has its workspace's own.
 */
record Portfolio(UUID tenantId, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, int minN,
        List<WorkspaceRow> workspaces) {

    Portfolio {
        workspaces = List.copyOf(workspaces);
    }

    /**
     * {@code name} is null while the workspace's name has not arrived by event; {@code minN} is the
     * workspace's own minimum n (its metric settings), which decides {@code enough} in this row.
     */
    record WorkspaceRow(UUID workspaceId, @Nullable String name, ScoreView nps, ScoreView csat, CesView ces,
            long responses, long openAlerts, Trends trend, int minN, @Nullable String industry,
            @Nullable Benchmark benchmark, List<SparkPoint> sparkline) {

        WorkspaceRow {
            sparkline = List.copyOf(sparkline);
        }
    }

    /**
     * The NPS of one ISO week (from Monday; {@code start} may precede the period, only answers inside it
     * count): value rounded to one decimal, null without answers.
     */
    record SparkPoint(LocalDate start, @Nullable Double value, long n) {
    }

    /**
     * The agency's other clients of the same industry (only with industry benchmarks on): {@code workspaces}
     * = how many of them have at least one score with enough answers. Null (not this object) below 5.
     */
    record Benchmark(String industry, int workspaces, Median nps, Median csat, Median ces) {
    }

    /**
     * The median of the other clients' values that have enough answers (unrounded values, shown to one
     * decimal); null when fewer than 5 clients have such a value; {@code workspaces} = how many do.
     */
    record Median(@Nullable Double median, int workspaces) {
    }

    record Trends(Trend nps, Trend csat, Trend ces) {
    }

    /**
     * {@code previous} and {@code previousN}: the score in the previous period; {@code change}: current
     * − previous (null unless both have a value); {@code changeSignificant}: at the 95% level, and only
     * when both periods have enough answers.
     */
    record Trend(@Nullable Double previous, long previousN, @Nullable Double change, boolean changeSignificant) {
    }
}
