package com.waymark.feedback.survey;

import io.swagger.v3.oas.annotations.media.Schema;

/** How a published survey reaches respondents. */
@Schema(name = "SurveyDistribution")
public record Distribution(
        @Schema(description = "public, unguessable token of the survey") String token,
        @Schema(description = "the survey page to share") String link,
        @Schema(description = "HTML to embed the survey widget in a website") String widgetSnippet) {
}
