package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.survey.QuestionKind;

/**
 * The answer to one question of the survey, as stored: {@code value} is what the respondent gave
 * (null when skipped), {@code score} the number metrics use for nps, csat and ces.
 */
@Schema(name = "Answer")
public record StoredAnswer(String questionId, QuestionKind kind,
        @Schema(description = "integer score, text, option id, or list of option ids; null when skipped") @Nullable JsonNode value,
        @Nullable Integer score) {

    boolean skipped() {
        return value == null || value.isNull();
    }
}
