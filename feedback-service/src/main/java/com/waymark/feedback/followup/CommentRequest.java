package com.waymark.feedback.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A new comment as clients send it. */
@Schema(name = "CaseCommentRequest")
record CommentRequest(
        @Schema(description = "1 to 5000 characters", example = "Called the customer; refund agreed.",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text) {
}
