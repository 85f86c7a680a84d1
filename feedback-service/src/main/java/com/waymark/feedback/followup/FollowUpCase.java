package com.waymark.feedback.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task to close the loop with an unhappy respondent: who owns it, where it stands, when it is due
 * and how it was resolved. Closing needs a resolution and stamps {@code closedAt}; reopening clears
 * {@code closedAt} and keeps the resolution as history (edit it when closing again). The links (response, survey, touchpoint, journey) are fixed
 * once opened; the response link is dropped when that response is erased.
 */
record FollowUpCase(UUID id, UUID tenantId, UUID workspaceId, @Nullable UUID responseId, @Nullable UUID surveyId,
        @Nullable UUID touchpointId, @Nullable UUID journeyId, String title, @Nullable String owner, CaseStatus status,
        Instant dueAt, @Nullable String note, @Nullable String resolution, String origin, int version, Instant createdAt,
        Instant updatedAt, @Nullable Instant closedAt) {

    static final String MANUAL = "manual";
    static final String DETRACTOR = "detractor";

    record Links(@Nullable UUID responseId, @Nullable UUID surveyId, @Nullable UUID touchpointId, @Nullable UUID journeyId) {
    }

    static FollowUpCase open(UUID id, UUID tenantId, UUID workspaceId, Links links, CaseDraft draft, String origin,
            Duration sla, Instant now) {
        Instant dueAt = draft.dueAt() != null ? draft.dueAt() : now.plus(sla);
        return new FollowUpCase(id, tenantId, workspaceId, links.responseId(), links.surveyId(), links.touchpointId(),
                links.journeyId(), draft.title(), draft.owner(), draft.status(), dueAt, draft.note(), draft.resolution(),
                origin, 1, now, now, draft.status() == CaseStatus.CLOSED ? now : null);
    }

    Links links() {
        return new Links(responseId, surveyId, touchpointId, journeyId);
    }

    /** The case after an edit; the same instance when nothing changes. */
    FollowUpCase edit(CaseDraft edited, Duration sla, Instant now) {
        Instant dueAt = edited.dueAt() != null ? edited.dueAt() : now.plus(sla);
        String resolved = edited.resolution();
        if (edited.title().equals(title) && Objects.equals(edited.owner(), owner) && edited.status() == status
                && dueAt.equals(this.dueAt) && Objects.equals(edited.note(), note) && Objects.equals(resolved, resolution)) {
            return this;
        }
        Instant closed = edited.status() != CaseStatus.CLOSED ? null : status == CaseStatus.CLOSED ? closedAt : now;
        return new FollowUpCase(id, tenantId, workspaceId, responseId, surveyId, touchpointId, journeyId, edited.title(),
                edited.owner(), edited.status(), dueAt, edited.note(), resolved, origin, version + 1, createdAt, now, closed);
    }

    /** Still to do and past its due date. */
    boolean overdue(Instant now) {
        return status != CaseStatus.CLOSED && dueAt.isBefore(now);
    }
}
