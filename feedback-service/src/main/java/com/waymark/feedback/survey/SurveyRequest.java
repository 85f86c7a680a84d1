package com.waymark.feedback.survey;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A survey as clients send it (create, or the result of a merge patch). Everything is nullable here
 * so that {@link SurveyRules} can name every field at fault at once.
 */
@Schema(name = "SurveyRequest")
record SurveyRequest(
        @Schema(example = "Checkout NPS", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
        @Schema(description = "a touchpoint of this workspace (from mapping-service)") @Nullable UUID touchpointId,
        @Schema(description = "language codes; the first is the default", example = "[\"en\", \"de\"]",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<String> languages,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<@Nullable QuestionRequest> questions,
        @Schema(description = "thank-you text per language") @Nullable Map<String, @Nullable String> thankYou,
        @Nullable Boolean openCaseForDetractors,
        @Schema(description = "a journey of this workspace (from mapping-service) when the survey asks about the whole"
                + " journey (its journey-level outcome, e.g. journey NPS, for driver analysis); not together with touchpointId")
        @Nullable UUID journeyId) {

    SurveyRequest(@Nullable String name, @Nullable UUID touchpointId, @Nullable List<String> languages,
            @Nullable List<@Nullable QuestionRequest> questions, @Nullable Map<String, @Nullable String> thankYou,
            @Nullable Boolean openCaseForDetractors) {
        this(name, touchpointId, languages, questions, thankYou, openCaseForDetractors, null);
    }

    @Schema(name = "QuestionRequest")
    record QuestionRequest(
            @Schema(description = "slug unique in the survey", example = "nps") @Nullable String id,
            @Schema(allowableValues = { "nps", "csat", "ces", "text", "single-choice", "multi-choice" }) @Nullable String kind,
            @Schema(description = "text per survey language", example = "{\"en\": \"How likely are you to recommend us?\"}")
            @Nullable Map<String, @Nullable String> text,
            @Nullable Boolean required,
            @Schema(description = "choice kinds only: at least two") @Nullable List<@Nullable OptionRequest> options) {
    }

    @Schema(name = "OptionRequest")
    record OptionRequest(@Nullable String id, @Nullable Map<String, @Nullable String> text) {
    }

    static SurveyRequest of(SurveyDraft draft) {
        SurveyContent content = draft.content();
        return new SurveyRequest(draft.name(), draft.touchpointId(), content.languages(),
                content.questions().stream().map(question -> new QuestionRequest(question.id(), question.kind().value(),
                        question.text(), question.required(), question.options() == null ? null
                                : question.options().stream().map(option -> new OptionRequest(option.id(), option.text())).toList()))
                        .toList(),
                content.thankYou(), draft.openCaseForDetractors(), draft.journeyId());
    }
}
