package com.waymark.metrics.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only KPIs of a workspace; every member may read them (the platform's access check runs first). */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/metrics")
@Tag(name = "Metrics", description = "NPS, CSAT and CES with n and 95% confidence intervals")
class MetricsController {

    private final SummaryService summaries;
    private final TimeseriesService timeseries;

    MetricsController(SummaryService summaries, TimeseriesService timeseries) {
        this.summaries = summaries;
        this.timeseries = timeseries;
    }

    @GetMapping("/summary")
    @Operation(summary = "Scores of the workspace and of each journey, stage and touchpoint",
            description = "Journey and stage scores pool the answers given at their touchpoints; the workspace pools "
                    + "all answers. Each score has n, a 95% CI and enough=false below the minimum n. Days are UTC.")
    Summary summary(@PathVariable UUID workspaceId,
            @Parameter(description = "first day (ISO date or instant); default: 90 days up to to")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, inclusive (ISO date or instant); default: today")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "list only this journey, its stages and touchpoints")
            @RequestParam(required = false) @Nullable UUID journeyId,
            @Parameter(description = "only answers of this customer segment")
            @RequestParam(required = false) @Nullable String segment) {
        return summaries.summarize(workspaceId, from, to, journeyId, segment);
    }

    @GetMapping("/timeseries")
    @Operation(summary = "One metric per day, week or month, with a significance flag per change",
            description = "For the workspace, one touchpoint or one journey. Every bucket of the period is listed; "
                    + "changeSignificant compares with the previous point at the 95% level.")
    Timeseries timeseries(@PathVariable UUID workspaceId,
            @Parameter(description = "nps, csat or ces") @RequestParam(required = false) @Nullable String metric,
            @Parameter(description = "day, week (ISO, from Monday; default) or month")
            @RequestParam(required = false) @Nullable String interval,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID touchpointId,
            @RequestParam(required = false) @Nullable UUID journeyId,
            @RequestParam(required = false) @Nullable String segment) {
        return timeseries.series(workspaceId, metric, interval, from, to, touchpointId, journeyId, segment);
    }
}
