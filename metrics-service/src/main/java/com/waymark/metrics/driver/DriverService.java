package com.waymark.metrics.driver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.metrics.config.MetricsProperties;
import com.waymark.metrics.driver.Drivers.TouchpointDriver;
import com.waymark.metrics.kpi.Period;
import com.waymark.metrics.kpi.ScoreView;
import com.waymark.metrics.map.MapReadModel;
import com.waymark.metrics.map.WorkspaceMap;
import com.waymark.metrics.map.WorkspaceMap.MapTouchpoint;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Scores;
import com.waymark.metrics.score.Tally;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;

/**
 * Importance (correlation with the journey-level outcome) and performance (own NPS) of each touchpoint
 * of a journey, per the current map, and their quadrant.
 */
@Service
class DriverService {

    static final String NPS = "nps";

    private final DriverReader reader;
    private final MapReadModel map;
    private final RollupReader rollups;
    private final MetricSettings settings;
    private final MetricsProperties properties;
    private final Clock clock;

    DriverService(DriverReader reader, MapReadModel map, RollupReader rollups, MetricSettings settings,
            MetricsProperties properties, Clock clock) {
        this.reader = reader;
        this.map = map;
        this.rollups = rollups;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    /** One snapshot for all the queries. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Drivers analyse(UUID workspaceId, @Nullable UUID journeyId, @Nullable String outcome, @Nullable String from,
            @Nullable String to) {
        if (journeyId == null) {
            throw new ValidationException("journeyId", "is required: the journey whose outcome is explained");
        }
        String kind = outcome == null || outcome.isBlank() ? NPS : outcome.trim().toLowerCase(java.util.Locale.ROOT);
        if (!NPS.equals(kind)) {
            throw new ValidationException("outcome", "must be nps (the journey-level NPS)");
        }
        ZoneId zone = settings.zone(workspaceId);
        Period period = Period.of(from, to, LocalDate.now(clock.withZone(zone)), properties.defaultDays(), zone);
        if (!map.journeyKnown(workspaceId, journeyId)) {
            throw new NotFoundException("Journey " + journeyId);
        }
        Instant start = period.from().atStartOfDay(zone).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(zone).toInstant();

        WorkspaceMap known = map.load(workspaceId);
        List<MapTouchpoint> touchpoints = known.touchpoints().stream()
                .filter(touchpoint -> touchpoint.journeyId().equals(journeyId)).toList();
        Map<String, Integer> outcomes = reader.outcomes(workspaceId, journeyId, start, end);
        Map<UUID, Pairs.Paired> paired = Pairs.of(outcomes, reader.touchpointAnswers(workspaceId, journeyId,
                touchpoints.stream().map(MapTouchpoint::touchpointId).toList(), start, end));
        Map<UUID, Tally> tallies = rollups.tallies(workspaceId, period.from(), period.to(), null).byTouchpoint();

        record Row(MapTouchpoint touchpoint, @Nullable Double importance, Estimate performance, long skipped, long n) {
        }
        Scores scores = settings.scores(workspaceId);
        List<Row> rows = new ArrayList<>();
        for (MapTouchpoint touchpoint : touchpoints) {
            Pairs.Paired pairs = paired.get(touchpoint.touchpointId());
            Tally tally = tallies.getOrDefault(touchpoint.touchpointId(), Tally.EMPTY);
            rows.add(new Row(touchpoint, pairs == null ? null : Pearson.of(pairs.x(), pairs.y()),
                    scores.nps(tally.nps()), tally.npsSkipped(), pairs == null ? 0 : pairs.n()));
        }
        // medians over the touchpoints that have both an importance and a performance
        List<Row> placed = rows.stream().filter(row -> row.importance() != null && row.performance().value() != null)
                .toList();
        Double medianImportance = Quadrant.median(placed.stream().map(Row::importance).toList());
        Double medianPerformance = Quadrant.median(placed.stream().map(row -> row.performance().value()).toList());
        Map<UUID, TouchpointDriver> drivers = new LinkedHashMap<>();
        for (Row row : rows) {
            String quadrant = null;
            if (placed.contains(row) && medianImportance != null && medianPerformance != null) {
                quadrant = Quadrant.of(row.importance(), row.performance().value(), medianImportance, medianPerformance)
                        .value();
            }
            drivers.put(row.touchpoint().touchpointId(), new TouchpointDriver(row.touchpoint().touchpointId(),
                    row.touchpoint().name(), row.touchpoint().stageId(), round3(row.importance()),
                    ScoreView.of(row.performance(), row.skipped()), row.n(), quadrant));
        }
        return new Drivers(journeyId, kind, period.from(), period.to(), outcomes.size(), Pearson.MIN_PAIRS,
                List.copyOf(drivers.values()));
    }

    /** Three decimals for display; quadrants use the unrounded value. */
    private static @Nullable Double round3(@Nullable Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
