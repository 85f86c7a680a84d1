package com.waymark.feedback.survey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A survey as the authenticated API shows it. */
@Schema(name = "Survey")
record SurveyView(UUID id, String name, @Nullable UUID touchpointId,
        @Schema(description = "set for a journey-level survey") @Nullable UUID journeyId, List<String> languages, List<Question> questions,
        Map<String, String> thankYou, boolean openCaseForDetractors, SurveyStatus status,
        @Schema(description = "token, link and widget snippet once published") @Nullable Distribution distribution,
        @Schema(description = "also the ETag; send it as If-Match to edit safely") int version,
        Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, @Nullable Instant closedAt) {

    static SurveyView of(Survey survey, @Nullable Distribution distribution) {
        SurveyContent content = survey.content();
        return new SurveyView(survey.id(), survey.name(), survey.touchpointId(), survey.journeyId(), content.languages(), content.questions(),
                content.thankYou(), survey.openCaseForDetractors(), survey.status(), distribution, survey.version(),
                survey.createdAt(), survey.updatedAt(), survey.publishedAt(), survey.closedAt());
    }
}
