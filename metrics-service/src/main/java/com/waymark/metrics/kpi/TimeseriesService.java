package com.waymark.metrics.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.metrics.config.MetricsProperties;
import com.waymark.metrics.map.MapReadModel;
import com.waymark.metrics.rollup.Interval;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Histogram;
import com.waymark.metrics.score.Metric;
import com.waymark.metrics.score.Scores;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;

/**
 * One metric per day, week or month for the workspace, one touchpoint or one journey (its touchpoints and
 * journey-level responses pooled). Days, ISO weeks and months are those of the workspace's time zone.
 */
@Service
class TimeseriesService {

    static final String DEFAULT_INTERVAL = "week";

    private final MapReadModel map;
    private final RollupReader rollups;
    private final MetricSettings settings;
    private final MetricsProperties properties;
    private final Clock clock;

    TimeseriesService(MapReadModel map, RollupReader rollups, MetricSettings settings, MetricsProperties properties, Clock clock) {
        this.map = map;
        this.rollups = rollups;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Timeseries series(UUID workspaceId, @Nullable String metricName, @Nullable String intervalName,
            @Nullable String from, @Nullable String to, @Nullable UUID touchpointId, @Nullable UUID journeyId,
            @Nullable String segment) {
        if (metricName == null || metricName.isBlank()) {
            throw new ValidationException("metric", "is required: nps, csat or ces");
        }
        Metric metric = Metric.fromValue(metricName)
                .orElseThrow(() -> new ValidationException("metric", "must be nps, csat or ces"));
        Interval interval = Interval.fromValue(intervalName == null || intervalName.isBlank() ? DEFAULT_INTERVAL
                : intervalName.trim()).orElseThrow(() -> new ValidationException("interval", "must be day, week or month"));
        if (touchpointId != null && journeyId != null) {
            throw new ValidationException("journeyId", "give either touchpointId or journeyId, not both");
        }
        ZoneId zone = settings.zone(workspaceId);
        Period period = Period.of(from, to, LocalDate.now(clock.withZone(zone)), properties.defaultDays(), zone);
        List<LocalDate> starts = bucketStarts(interval, period);

        Collection<UUID> touchpoints = null;
        if (touchpointId != null) {
            if (!map.touchpointKnown(workspaceId, touchpointId) && !rollups.hasAnswersAt(workspaceId, touchpointId)) {
                throw new NotFoundException("Touchpoint " + touchpointId);
            }
            touchpoints = List.of(touchpointId);
        } else if (journeyId != null) {
            if (!map.journeyKnown(workspaceId, journeyId)) {
                throw new NotFoundException("Journey " + journeyId);
            }
            touchpoints = map.touchpointsOf(workspaceId, journeyId);
        }
        String segmentFilter = segment == null || segment.isBlank() ? null : segment.trim();
        // a journey's series pools its touchpoints' answers and its journey-level responses, like its summary score
        Map<LocalDate, Histogram> buckets = rollups.histogramsByBucket(workspaceId, metric, interval, period.from(),
                period.to(), segmentFilter, touchpoints, touchpointId == null ? journeyId : null);

        Scores scores = settings.scores(workspaceId);
        List<Timeseries.Point> points = new ArrayList<>();
        Histogram previous = null;
        for (LocalDate start : starts) {
            Histogram current = buckets.getOrDefault(start, Histogram.empty(metric));
            Estimate estimate = scores.estimate(current);
            boolean significant = previous != null && scores.changeSignificant(previous, current);
            points.add(new Timeseries.Point(start, ScoreView.round(estimate.value()), estimate.n(),
                    ScoreView.round(estimate.ciLow()), ScoreView.round(estimate.ciHigh()), estimate.enough(), significant));
            previous = current;
        }
        return new Timeseries(metric.value(), interval.value(), period.from(), period.to(), scores.minN(), points);
    }

    private List<LocalDate> bucketStarts(Interval interval, Period period) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = interval.start(period.from()); !start.isAfter(period.to()); start = interval.next(start)) {
            if (starts.size() == properties.maxPoints()) {
                throw new ValidationException("interval", "gives more than " + properties.maxPoints()
                        + " points for this period; choose a longer interval or a shorter period");
            }
            starts.add(start);
        }
        return starts;
    }
}
