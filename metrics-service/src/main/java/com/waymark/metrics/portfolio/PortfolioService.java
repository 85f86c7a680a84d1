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
import com.waymark.metrics.portfolio.Portfolio.SparkPoint;
import com.waymark.metrics.portfolio.Portfolio.Trend;
import com.waymark.metrics.portfolio.Portfolio.Trends;
import com.waymark.metrics.portfolio.Portfolio.WorkspaceRow;
import com.waymark.metrics.rollup.Interval;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.score.Histogram;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Metric;
import com.waymark.metrics.score.Scores;
import com.waymark.metrics.score.Tally;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.metrics.workspace.WorkspaceNames;
import com.waymark.metrics.workspace.WorkspaceNames.WorkspaceInfo;
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
    private final PortfolioSettings portfolioSettings;
    private final RollupReader rollups;
    private final OpenAlerts alerts;
    private final MetricSettings settings;
    private final MetricsProperties properties;
    private final Clock clock;

    PortfolioService(AccessModel access, WorkspaceNames names, RollupReader rollups, OpenAlerts alerts, MetricSettings settings,
            MetricsProperties properties, Clock clock, PortfolioSettings portfolioSettings) {
        this.portfolioSettings = portfolioSettings;
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

        Map<UUID, WorkspaceInfo> info = names.infoOf(tenantId);
        Set<UUID> workspaceIds = new LinkedHashSet<>(access.workspacesOf(tenantId));
        workspaceIds.addAll(info.keySet());
        Map<UUID, Tally> current = rollups.talliesByWorkspace(workspaceIds, period.from(), period.to());
        Map<UUID, Tally> previous = rollups.talliesByWorkspace(workspaceIds, previousFrom, previousTo);
        Map<UUID, Map<LocalDate, Histogram>> weekly = rollups.histogramsByWorkspaceAndBucket(workspaceIds, Metric.NPS,
                Interval.WEEK, period.from(), period.to());
        Map<UUID, Long> open = alerts.countByWorkspace(workspaceIds);
        Map<UUID, Integer> minNs = settings.minNs(workspaceIds);
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = Interval.WEEK.start(period.from()); !week.isAfter(period.to()); week = Interval.WEEK.next(week)) {
            weeks.add(week);
        }

        List<Benchmarks.Entry> entries = new ArrayList<>();
        for (UUID workspaceId : workspaceIds) {
            Tally now = current.getOrDefault(workspaceId, Tally.EMPTY);
            Scores scores = new Scores(minNs.get(workspaceId));
            entries.add(new Benchmarks.Entry(workspaceId, industryOf(info.get(workspaceId)), Map.of(
                    Metric.NPS, scores.nps(now.nps()), Metric.CSAT, scores.csat(now.csat()), Metric.CES, scores.ces(now.ces()))));
        }
        // benchmarks are the agency's choice: off, no row carries one
        Benchmarks benchmarks = portfolioSettings.industryBenchmarks(tenantId) ? new Benchmarks(entries) : null;

        List<WorkspaceRow> rows = new ArrayList<>();
        for (UUID workspaceId : workspaceIds) {
            Tally now = current.getOrDefault(workspaceId, Tally.EMPTY);
            Tally before = previous.getOrDefault(workspaceId, Tally.EMPTY);
            Scores scores = new Scores(minNs.get(workspaceId));
            WorkspaceInfo workspace = info.get(workspaceId);
            String industry = industryOf(workspace);
            Map<LocalDate, Histogram> npsByWeek = weekly.getOrDefault(workspaceId, Map.of());
            List<SparkPoint> sparkline = weeks.stream().map(week -> {
                Estimate estimate = scores.nps(npsByWeek.getOrDefault(week, Histogram.empty(Metric.NPS)));
                return new SparkPoint(week, ScoreView.round(estimate.value()), estimate.n());
            }).toList();
            rows.add(new WorkspaceRow(workspaceId, workspace == null ? null : workspace.name(),
                    ScoreView.of(scores.nps(now.nps()), now.npsSkipped()),
                    ScoreView.of(scores.csat(now.csat()), now.csatSkipped()),
                    CesView.of(scores.ces(now.ces()), now.cesSkipped()), now.responses(),
                    open.getOrDefault(workspaceId, 0L),
                    new Trends(trend(scores, Metric.NPS, before, now), trend(scores, Metric.CSAT, before, now),
                            trend(scores, Metric.CES, before, now)), scores.minN(), industry,
                    benchmarks == null ? null : benchmarks.of(workspaceId, industry), sparkline));
        }
        rows.sort(Comparator.comparing(WorkspaceRow::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(WorkspaceRow::workspaceId));
        return new Portfolio(tenantId, period.from(), period.to(), previousFrom, previousTo, settings.defaultMinN(), rows);
    }

    private static @Nullable String industryOf(@Nullable WorkspaceInfo workspace) {
        return workspace == null ? null : workspace.industry();
    }

    private static Trend trend(Scores scores, Metric metric, Tally before, Tally now) {
        Estimate previous = scores.estimate(before.histogram(metric));
        Estimate current = scores.estimate(now.histogram(metric));
        Double change = previous.value() == null || current.value() == null ? null : current.value() - previous.value();
        return new Trend(ScoreView.round(previous.value()), previous.n(), ScoreView.round(change),
                scores.changeSignificant(before.histogram(metric), now.histogram(metric)));
    }
}
