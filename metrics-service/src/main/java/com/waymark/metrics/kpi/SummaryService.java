package com.waymark.metrics.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.metrics.config.MetricsProperties;
import com.waymark.metrics.kpi.Summary.JourneyScores;
import com.waymark.metrics.kpi.Summary.StageScores;
import com.waymark.metrics.kpi.Summary.TouchpointScores;
import com.waymark.metrics.kpi.Summary.WorkspaceScores;
import com.waymark.metrics.map.MapReadModel;
import com.waymark.metrics.map.WorkspaceMap;
import com.waymark.metrics.map.WorkspaceMap.MapStage;
import com.waymark.metrics.map.WorkspaceMap.MapTouchpoint;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.score.Scores;
import com.waymark.metrics.score.Tally;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.platform.error.NotFoundException;

/**
 * Builds the summary from the touchpoint tallies of the period: a stage is the pool of its touchpoints'
 * answers (per the current map), a journey the pool of its touchpoints' answers and its journey-level
 * responses, the workspace the pool of all answers, with or without a touchpoint. Days are local to the
 * workspace's time zone. With {@code journeyId} only that journey's rows are listed; the workspace stays whole
 * so it can be compared with.
 */
@Service
class SummaryService {

    private final MapReadModel map;
    private final RollupReader rollups;
    private final MetricSettings settings;
    private final MetricsProperties properties;
    private final Clock clock;

    SummaryService(MapReadModel map, RollupReader rollups, MetricSettings settings, MetricsProperties properties, Clock clock) {
        this.map = map;
        this.rollups = rollups;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    /** One snapshot for all the queries, so the levels always add up. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Summary summarize(UUID workspaceId, @Nullable String from, @Nullable String to, @Nullable UUID journeyId,
            @Nullable String segment) {
        ZoneId zone = settings.zone(workspaceId);
        Period period = Period.of(from, to, LocalDate.now(clock.withZone(zone)), properties.defaultDays(), zone);
        Scores scores = settings.scores(workspaceId);
        if (journeyId != null && !map.journeyKnown(workspaceId, journeyId)) {
            throw new NotFoundException("Journey " + journeyId);
        }
        String segmentFilter = segment == null || segment.isBlank() ? null : segment.trim();
        RollupReader.Tallies all = rollups.tallies(workspaceId, period.from(), period.to(), segmentFilter);
        Map<UUID, Tally> tallies = all.byTouchpoint();
        WorkspaceMap known = map.load(workspaceId);

        Tally workspace = all.total();

        // journeys: known ones by name, then any only referenced by a stage or touchpoint
        Map<UUID, @Nullable String> journeyNames = new LinkedHashMap<>();
        known.journeys().forEach(journey -> journeyNames.put(journey.journeyId(), journey.name()));
        known.stages().forEach(stage -> journeyNames.putIfAbsent(stage.journeyId(), null));
        known.touchpoints().forEach(touchpoint -> journeyNames.putIfAbsent(touchpoint.journeyId(), null));
        // journey-level answers for a journey the map does not know (yet) still count and are shown, unnamed
        all.byJourney().keySet().stream().sorted().forEach(journey -> journeyNames.putIfAbsent(journey, null));
        Map<UUID, Integer> journeyOrder = indexOf(new ArrayList<>(journeyNames.keySet()));

        // stages in journey order and by position; one only referenced by a touchpoint comes last, unnamed
        Map<UUID, MapStage> stagesById = new HashMap<>();
        known.stages().forEach(stage -> stagesById.put(stage.stageId(), stage));
        List<StageRef> stageRefs = new ArrayList<>();
        known.stages().forEach(stage -> stageRefs.add(new StageRef(stage.stageId(), stage.journeyId(), stage.name(),
                stage.position())));
        known.touchpoints().stream().filter(touchpoint -> !stagesById.containsKey(touchpoint.stageId()))
                .map(touchpoint -> new StageRef(touchpoint.stageId(), touchpoint.journeyId(), null, null)).distinct()
                .forEach(stageRefs::add);
        stageRefs.sort(Comparator.comparing((StageRef stage) -> journeyOrder.get(stage.journeyId()))
                .thenComparing(StageRef::position, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StageRef::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StageRef::stageId));
        Map<UUID, Integer> stageOrder = indexOf(stageRefs.stream().map(StageRef::stageId).toList());

        List<MapTouchpoint> touchpoints = new ArrayList<>(known.touchpoints());
        touchpoints.sort(Comparator.comparing((MapTouchpoint touchpoint) -> journeyOrder.get(touchpoint.journeyId()))
                .thenComparing(touchpoint -> stageOrder.get(touchpoint.stageId()))
                .thenComparing(MapTouchpoint::name)
                .thenComparing(MapTouchpoint::touchpointId));

        Map<UUID, Tally> byStage = new HashMap<>();
        Map<UUID, Tally> byJourney = new HashMap<>(all.byJourney());
        Map<UUID, List<Tally>> touchpointsOfJourney = new HashMap<>();
        List<TouchpointScores> touchpointRows = new ArrayList<>();
        for (MapTouchpoint touchpoint : touchpoints) {
            Tally tally = tallies.getOrDefault(touchpoint.touchpointId(), Tally.EMPTY);
            byStage.merge(touchpoint.stageId(), tally, Tally::plus);
            byJourney.merge(touchpoint.journeyId(), tally, Tally::plus);
            touchpointsOfJourney.computeIfAbsent(touchpoint.journeyId(), id -> new ArrayList<>()).add(tally);
            if (journeyId == null || journeyId.equals(touchpoint.journeyId())) {
                touchpointRows.add(touchpointRow(scores, touchpoint.touchpointId(), touchpoint.stageId(), touchpoint.journeyId(),
                        touchpoint.name(), tally));
            }
        }
        if (journeyId == null) {
            Set<UUID> mapped = touchpoints.stream().map(MapTouchpoint::touchpointId).collect(Collectors.toSet());
            // answers at touchpoints the map does not know (yet) still count and are shown, unnamed
            tallies.entrySet().stream()
                    .filter(entry -> !RollupReader.isNoTouchpoint(entry.getKey()))
                    .filter(entry -> !mapped.contains(entry.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> touchpointRows.add(touchpointRow(scores, entry.getKey(), null, null, null, entry.getValue())));
        }

        List<JourneyScores> journeyRows = journeyNames.entrySet().stream()
                .filter(entry -> journeyId == null || journeyId.equals(entry.getKey()))
                .map(entry -> {
                    Tally tally = byJourney.getOrDefault(entry.getKey(), Tally.EMPTY);
                    return new JourneyScores(entry.getKey(), entry.getValue(), nps(scores, tally), csat(scores, tally), ces(scores, tally),
                            tally.responses(), TouchpointMeans.of(scores, touchpointsOfJourney.getOrDefault(entry.getKey(), List.of())));
                })
                .toList();
        List<StageScores> stageRows = stageRefs.stream()
                .filter(stage -> journeyId == null || journeyId.equals(stage.journeyId()))
                .map(stage -> {
                    Tally tally = byStage.getOrDefault(stage.stageId(), Tally.EMPTY);
                    return new StageScores(stage.stageId(), stage.journeyId(), stage.name(), stage.position(), nps(scores, tally),
                            csat(scores, tally), ces(scores, tally), tally.responses());
                })
                .toList();

        return new Summary(period.from(), period.to(), segmentFilter, journeyId, scores.minN(),
                new WorkspaceScores(nps(scores, workspace), csat(scores, workspace), ces(scores, workspace), workspace.responses()),
                journeyRows, stageRows, touchpointRows);
    }

    private static TouchpointScores touchpointRow(Scores scores, UUID touchpointId, @Nullable UUID stageId, @Nullable UUID journeyId,
            @Nullable String name, Tally tally) {
        return new TouchpointScores(touchpointId, stageId, journeyId, name, nps(scores, tally), csat(scores, tally), ces(scores, tally),
                tally.responses());
    }

    private static ScoreView nps(Scores scores, Tally tally) {
        return ScoreView.of(scores.nps(tally.nps()), tally.npsSkipped());
    }

    private static ScoreView csat(Scores scores, Tally tally) {
        return ScoreView.of(scores.csat(tally.csat()), tally.csatSkipped());
    }

    private static CesView ces(Scores scores, Tally tally) {
        return CesView.of(scores.ces(tally.ces()), tally.cesSkipped());
    }

    private static Map<UUID, Integer> indexOf(List<UUID> ids) {
        Map<UUID, Integer> index = new HashMap<>();
        for (UUID id : ids) {
            index.putIfAbsent(id, index.size());
        }
        return index;
    }

    private record StageRef(UUID stageId, UUID journeyId, @Nullable String name, @Nullable Integer position) {
    }
}
