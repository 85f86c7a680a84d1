package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Whose responses to erase: exactly one of the two identifiers respondents were known by. */
@Schema(name = "RespondentErasureRequest")
record ErasureRequest(
        @Schema(description = "the respondent's external id, as submitted (trimmed); exact match", example = "crm-4711")
        @Nullable String respondentExternalId,
        @Schema(description = "the respondent's e-mail; matched case-insensitively", example = "ada@example.com")
        @Nullable String respondentEmail) {
}
