package com.waymark.metrics.driver;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Driver analysis; every member of the workspace may read it (the platform's access check runs first). */
@RestController
@Tag(name = "Metrics", description = "NPS, CSAT and CES with n and 95% confidence intervals")
class DriverController {

    private final DriverService drivers;

    DriverController(DriverService drivers) {
        this.drivers = drivers;
    }

    @GetMapping("/api/workspaces/{workspaceId}/metrics/drivers")
    @Operation(summary = "Which touchpoints drive a journey's outcome: importance × performance",
            description = "importance = Pearson correlation, over respondents (pseudonymous respondent keys) with both, "
                    + "between their score at the touchpoint (NPS answer, else CSAT, else CES; the mean of several) and "
                    + "their latest journey-level NPS answer in the period; null below 10 pairs or without variance. "
                    + "performance = the touchpoint's NPS in the period. Quadrants split at the medians of the "
                    + "touchpoints that have both (a value at the median counts as high). Days are UTC.")
    Drivers drivers(@PathVariable UUID workspaceId,
            @Parameter(description = "the journey whose outcome is explained (required)")
            @RequestParam(required = false) @Nullable UUID journeyId,
            @Parameter(description = "the journey-level outcome; only nps (default)")
            @RequestParam(required = false) @Nullable String outcome,
            @Parameter(description = "first day (ISO date or instant); default: 90 days up to to")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day, inclusive (ISO date or instant); default: today")
            @RequestParam(required = false) @Nullable String to) {
        return drivers.analyse(workspaceId, journeyId, outcome, from, to);
    }
}
