package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ValidationException;

@RestController
@Tag(name = "Journeys")
class LiveMapController {

    private final JourneyService journeys;
    private final MetricsClient metrics;

    LiveMapController(JourneyService journeys, MetricsClient metrics) {
        this.journeys = journeys;
        this.metrics = metrics;
    }

    @GetMapping("/api/workspaces/{workspaceId}/journeys/{journeyId}/live")
    @Operation(summary = "The map with observed scores and emotion per stage and touchpoint",
            description = "Scores come from metrics-service (default period: its default, the last 90 days). If metrics "
                    + "cannot be reached the map still loads, with live.available=false.")
    LiveMap live(WorkspaceAccess access, @PathVariable UUID journeyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            JwtAuthenticationToken caller) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ValidationException("from", "must not be after to");
        }
        JourneyMap map = journeys.map(access, journeyId);
        // the caller's own token: metrics-service decides for itself what they may see
        Optional<JsonNode> summary = metrics.journeySummary(access.workspaceId(), journeyId, from, to,
                "Bearer " + caller.getToken().getTokenValue());
        if (summary.isEmpty()) {
            return new LiveMap(map, new LiveMap.Live(false, from, to, "Live scores are unavailable right now"), List.of(),
                    List.of());
        }
        JsonNode body = summary.get();
        Map<String, JsonNode> stageScores = byId(body.path("stages"), "stageId");
        Map<String, JsonNode> touchpointScores = byId(body.path("touchpoints"), "touchpointId");
        List<LiveMap.StageLive> stages = new ArrayList<>();
        List<LiveMap.TouchpointLive> touchpoints = new ArrayList<>();
        for (JourneyMap.StageView stage : map.stages()) {
            JsonNode scores = stageScores.get(stage.id().toString());
            stages.add(new LiveMap.StageLive(stage.id(), ObservedEmotion.of(scores), field(scores, "nps"),
                    field(scores, "csat"), field(scores, "ces"), responses(scores)));
            for (Touchpoint touchpoint : stage.touchpoints()) {
                JsonNode tp = touchpointScores.get(touchpoint.id().toString());
                touchpoints.add(new LiveMap.TouchpointLive(touchpoint.id(), stage.id(), touchpoint.expectedEmotion(),
                        ObservedEmotion.of(tp), field(tp, "nps"), field(tp, "csat"), field(tp, "ces"), responses(tp)));
            }
        }
        LocalDate effectiveFrom = body.hasNonNull("from") ? LocalDate.parse(body.get("from").asString()) : from;
        LocalDate effectiveTo = body.hasNonNull("to") ? LocalDate.parse(body.get("to").asString()) : to;
        return new LiveMap(map, new LiveMap.Live(true, effectiveFrom, effectiveTo, null), stages, touchpoints);
    }

    private static Map<String, JsonNode> byId(JsonNode rows, String idField) {
        Map<String, JsonNode> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.path(idField).asString(), row));
        return byId;
    }

    private static @Nullable JsonNode field(@Nullable JsonNode scores, String name) {
        return scores == null ? null : scores.get(name);
    }

    private static long responses(@Nullable JsonNode scores) {
        return scores == null ? 0 : scores.path("responses").asLong(0);
    }
}
