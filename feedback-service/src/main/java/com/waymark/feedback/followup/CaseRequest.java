package com.waymark.feedback.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up case as clients send it (create, or the result of a merge patch). Everything is
 * nullable here so {@link CaseRules} can name every field at fault at once.
 */
@Schema(name = "CaseRequest")
record CaseRequest(
        @Schema(example = "Call back about the late delivery", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String title,
        @Schema(description = "who takes care of it: a name, team or user id", example = "Customer care") @Nullable String owner,
        @Schema(allowableValues = { "open", "in-progress", "closed" }, description = "open when absent") @Nullable String status,
        @Schema(description = "ISO-8601; the service-level target (waymark.feedback.case-sla, 2 days) from now when absent")
        @Nullable Instant dueAt,
        @Schema(description = "free text, up to 5000 characters") @Nullable String note,
        @Schema(description = "how the case was resolved, up to 5000 characters; required when status becomes closed",
                example = "Refunded the delivery fee and apologised") @Nullable String resolution,
        @Schema(description = "the response it follows up (its survey, touchpoint and journey are taken from it); fixed once opened")
        @Nullable UUID responseId,
        @Schema(description = "a survey of this workspace; fixed once opened") @Nullable UUID surveyId,
        @Schema(description = "a touchpoint of this workspace; fixed once opened") @Nullable UUID touchpointId,
        @Schema(description = "a journey of this workspace; taken from the survey or touchpoint when they have one; fixed once opened")
        @Nullable UUID journeyId) {

    static CaseRequest of(FollowUpCase followUp) {
        return new CaseRequest(followUp.title(), followUp.owner(), followUp.status().value(), followUp.dueAt(), followUp.note(),
                followUp.resolution(), followUp.responseId(), followUp.surveyId(), followUp.touchpointId(), followUp.journeyId());
    }
}
