package com.waymark.feedback.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A follow-up case as the API shows it. */
@Schema(name = "FollowUpCase")
record CaseView(UUID id,
        @Schema(description = "null when the response was erased") @Nullable UUID responseId,
        @Nullable UUID surveyId, @Nullable UUID touchpointId,
        @Schema(description = "the journey of the survey (journey-level) or of the touchpoint") @Nullable UUID journeyId,
        String title, @Nullable String owner, CaseStatus status,
        @Schema(description = "how it was resolved; set when closing") @Nullable String resolution,
        Instant dueAt,
        @Schema(description = "not closed and past dueAt") boolean overdue,
        @Schema(description = "manual, or detractor when opened automatically with a response") String origin,
        @Nullable String note,
        @Schema(description = "also the ETag; send it as If-Match to edit safely") int version,
        Instant createdAt, Instant updatedAt, @Nullable Instant closedAt) {

    static CaseView of(FollowUpCase c, Instant now) {
        return new CaseView(c.id(), c.responseId(), c.surveyId(), c.touchpointId(), c.journeyId(), c.title(), c.owner(),
                c.status(), c.resolution(), c.dueAt(), c.overdue(now), c.origin(), c.note(), c.version(), c.createdAt(),
                c.updatedAt(), c.closedAt());
    }
}
