package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One respondent's answers as a client submits them; checked by {@link Responses#submit}. */
@Schema(name = "ResponseSubmission")
public record ResponseSubmission(
        @Schema(description = "chosen by the client; the same id twice is stored once", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable UUID submissionId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<@Nullable AnswerSubmission> answers,
        @Schema(description = "one of the survey's languages; its default when absent") @Nullable String lang,
        @Nullable Respondent respondent,
        @Nullable SubmissionContext context) {

    @Schema(name = "AnswerSubmission")
    public record AnswerSubmission(@Nullable String questionId,
            @Schema(description = "integer for nps (0–10), csat (1–5), ces (1–7); text; option id; list of option ids")
            @Nullable JsonNode value) {
    }

    @Schema(name = "Respondent")
    public record Respondent(@Nullable String externalId, @Nullable String email) {
    }

    @Schema(name = "SubmissionContext")
    public record SubmissionContext(@Schema(description = "customer segment, e.g. returning") @Nullable String segment,
            @Schema(description = "channel the respondent came through, e.g. Online") @Nullable String channel,
            @Schema(description = "page the widget ran on") @Nullable String url) {
    }
}
