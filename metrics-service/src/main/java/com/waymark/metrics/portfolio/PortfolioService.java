package com.waymark.metrics.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.metrics.alert.OpenAlerts;
import com.waymark.metrics.config.MetricsProperties;
import com.waymark.metrics.kpi.CesView;
import com.waymark.metrics.kpi.Period;
import com.waymark.metrics.kpi.ScoreView;
import com.waymark.metrics.portfolio.Portfolio.Trend;
import com.waymark.metrics.portfolio.Portfolio.Trends;
import com.waymark.metrics.portfolio.Portfolio.WorkspaceRow;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Metric;
import com.waymark.metrics.score.Scores;
import com.waymark.metrics.score.Tally;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.metrics.workspace.WorkspaceNames;
import com.waymark.platform.access.AccessModel;

/**
 * Runs in the tenant-wide context the platform sets for {@code /api/tenants/{tenantId}/**}: row-level
 * security shows every workspace of this tenant and nothing of another. The workspaces are those the
 * access model knows for the tenant plus any named by event; ordered by name, unnamed last.
 */
@Service
class PortfolioService {

    private final AccessModel access;
    private final WorkspaceNames names;
    private final RollupReader rollups;
    private final OpenAlerts alerts;
    private final MetricSettings settings;
    private final MetricsProperties properties;
    private final Clock clock;

    PortfolioService(AccessModel access, WorkspaceNames names, RollupReader rollups, OpenAlerts alerts, MetricSettings settings,
            MetricsProperties properties, Clock clock) {
        this.access = access;
        this.names = names;
        this.rollups = rollups;
        this.alerts = alerts;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Portfolio portfolio(UUID tenantId, @Nullable String from, @Nullable String to) {
        Period period = Period.of(from, to, LocalDate.now(clock), properties.defaultDays());
        long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        LocalDate previousTo = period.from().minusDays(1);
        LocalDate previousFrom = period.from().minusDays(days);

        Map<UUID, String> workspaceNames = names.namesOf(tenantId);
        Set<UUID> workspaceIds = new LinkedHashSet<>(access.workspacesOf(tenantId));
        workspaceIds.addAll(workspaceNames.keySet());
        Map<UUID, Tally> current = rollups.talliesByWorkspace(workspaceIds, period.from(), period.to());
        Map<UUID, Tally> previous = rollups.talliesByWorkspace(workspaceIds, previousFrom, previousTo);
        Map<UUID, Long> open = alerts.countByWorkspace(workspaceIds);
        Map<UUID, Integer> minNs = settings.minNs(workspaceIds);

        List<WorkspaceRow> rows = new ArrayList<>();
        for (UUID workspaceId : workspaceIds) {
            Tally now = current.getOrDefault(workspaceId, Tally.EMPTY);
            Tally before = previous.getOrDefault(workspaceId, Tally.EMPTY);
            Scores scores = new Scores(minNs.get(workspaceId));
            rows.add(new WorkspaceRow(workspaceId, workspaceNames.get(workspaceId),
                    ScoreView.of(scores.nps(now.nps()), now.npsSkipped()),
                    ScoreView.of(scores.csat(now.csat()), now.csatSkipped()),
                    CesView.of(scores.ces(now.ces()), now.cesSkipped()), now.responses(),
                    open.getOrDefault(workspaceId, 0L),
                    new Trends(trend(scores, Metric.NPS, before, now), trend(scores, Metric.CSAT, before, now),
                            trend(scores, Metric.CES, before, now)), scores.minN()));
        }
        rows.sort(Comparator.comparing(WorkspaceRow::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(WorkspaceRow::workspaceId));
        return new Portfolio(tenantId, period.from(), period.to(), previousFrom, previousTo, settings.defaultMinN(), rows);
    }

    private static Trend trend(Scores scores, Metric metric, Tally before, Tally now) {
        Estimate previous = scores.estimate(before.histogram(metric));
        Estimate current = scores.estimate(now.histogram(metric));
        Double change = previous.value() == null || current.value() == null ? null : current.value() - previous.value();
        return new Trend(ScoreView.round(previous.value()), previous.n(), ScoreView.round(change),
                scores.changeSignificant(before.histogram(metric), now.histogram(metric)));
    }
}
