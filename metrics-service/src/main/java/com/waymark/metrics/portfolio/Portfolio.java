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
            long responses, long openAlerts, Trends trend, int minN) {
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
