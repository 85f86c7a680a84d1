package com.waymark.feedback.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import com.waymark.feedback.survey.SurveyRequest.QuestionRequest;
import com.waymark.platform.error.ValidationException;

/**
 * A survey as a portable file: what it asks, in which languages, and how it thanks, without anything
 * that belongs to one workspace (no survey id, touchpoint, status, link or dates). Question ids stay:
 * answers, CSV columns and metrics refer to them, so a copy stays comparable with the original.
 */
@Schema(name = "SurveyDefinition", description = "media type " + SurveyDefinition.MEDIA_TYPE)
@JsonInclude(JsonInclude.Include.NON_NULL)
record SurveyDefinition(
        @Schema(description = "always " + FORMAT + "; optional on import", example = FORMAT) @Nullable String format,
        @Schema(description = "1; optional on import", example = "1") @Nullable Integer formatVersion,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Checkout NPS") @Nullable String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"en\", \"de\"]") @Nullable List<String> languages,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<@Nullable QuestionRequest> questions,
        @Nullable Map<String, @Nullable String> thankYou,
        @Nullable Boolean openCaseForDetractors) {

    static final String MEDIA_TYPE = "application/vnd.waymark.survey+json";
    static final String FORMAT = "waymark.survey";
    static final int FORMAT_VERSION = 1;

    static SurveyDefinition of(Survey survey) {
        SurveyRequest request = SurveyRequest.of(survey.draft());
        return new SurveyDefinition(FORMAT, FORMAT_VERSION, request.name(), request.languages(), request.questions(),
                request.thankYou(), request.openCaseForDetractors());
    }

    /** What a create would receive: the survey without a touchpoint (the importing workspace picks one later). */
    SurveyRequest toRequest() {
        if (format != null && !FORMAT.equals(format)) {
            throw new ValidationException("format", "must be " + FORMAT);
        }
        if (formatVersion != null && formatVersion != FORMAT_VERSION) {
            throw new ValidationException("formatVersion", "must be " + FORMAT_VERSION);
        }
        return new SurveyRequest(name, null, languages, questions, thankYou, openCaseForDetractors);
    }
}
