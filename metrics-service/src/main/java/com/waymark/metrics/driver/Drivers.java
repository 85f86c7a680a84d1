package com.waymark.metrics.driver;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.metrics.kpi.ScoreView;

/** Driver analysis of one journey's outcome over a period (UTC days, both inclusive). */
@Schema(name = "Drivers")
public record Drivers(UUID journeyId,
        @Schema(description = "the journey-level outcome explained", example = "nps") String outcome,
        LocalDate from, LocalDate to,
        @Schema(description = "respondents with a journey-level outcome in the period") long n,
        @Schema(description = "pairs below this give no importance") int minPairs,
        List<TouchpointDriver> touchpoints) {

    @Schema(name = "TouchpointDriver")
    public record TouchpointDriver(UUID touchpointId, @Nullable String name, @Nullable UUID stageId,
            @Schema(description = "Pearson correlation (−1…1, three decimals) of the respondent's score here with their "
                    + "journey-level NPS; null below minPairs pairs or without variance") @Nullable Double importance,
            @Schema(description = "the touchpoint's own NPS in the period, with n and 95% CI") ScoreView performance,
            @Schema(description = "respondents with both a score here and a journey-level outcome") long n,
            @Schema(description = "split at the median importance and performance of the touchpoints that have both; "
                    + "null without importance or performance",
                    allowableValues = { "priority", "strength", "maintain", "secondary" }) @Nullable String quadrant) {
    }
}
