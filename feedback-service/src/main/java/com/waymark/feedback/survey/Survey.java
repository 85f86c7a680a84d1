package com.waymark.feedback.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.ConflictException;

/**
 * A survey and its life cycle: a draft is edited freely; publishing gives it a public token and
 * makes it take answers; closing stops answers. What respondents answer (languages, questions,
 * touchpoint or journey) is fixed once published, so stored answers always mean what they meant.
 */
public record Survey(UUID id, UUID tenantId, UUID workspaceId, String name, @Nullable UUID touchpointId,
        @Nullable UUID journeyId, SurveyContent content, boolean openCaseForDetractors, SurveyStatus status, @Nullable String token, int version,
        Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, @Nullable Instant closedAt) {

    static Survey create(UUID id, UUID tenantId, UUID workspaceId, SurveyDraft draft, Instant now) {
        return new Survey(id, tenantId, workspaceId, draft.name(), draft.touchpointId(), draft.journeyId(), draft.content(),
                draft.openCaseForDetractors(), SurveyStatus.DRAFT, null, 1, now, now, null, null);
    }

    public boolean acceptsAnswers() {
        return status == SurveyStatus.ACTIVE;
    }

    SurveyDraft draft() {
        return new SurveyDraft(name, touchpointId, journeyId, content, openCaseForDetractors);
    }

    /** The survey after an edit; questions, languages and touchpoint change only while it is a draft. */
    Survey edit(SurveyDraft edited, Instant now) {
        if (status != SurveyStatus.DRAFT) {
            requireUnchanged("questions", content.questions(), edited.content().questions());
            requireUnchanged("languages", content.languages(), edited.content().languages());
            requireUnchanged("touchpointId", touchpointId, edited.touchpointId());
            requireUnchanged("journeyId", journeyId, edited.journeyId());
        }
        if (edited.equals(draft())) {
            return this;
        }
        return new Survey(id, tenantId, workspaceId, edited.name(), edited.touchpointId(), edited.journeyId(), edited.content(),
                edited.openCaseForDetractors(), status, token, version + 1, createdAt, now, publishedAt, closedAt);
    }

    /** Active with a public token; a survey published before keeps its token (links already shared). */
    Survey publish(String newToken, Instant now) {
        if (status == SurveyStatus.ACTIVE && token != null) {
            return this;
        }
        return new Survey(id, tenantId, workspaceId, name, touchpointId, journeyId, content, openCaseForDetractors,
                SurveyStatus.ACTIVE, token != null ? token : newToken, version + 1, createdAt, now,
                publishedAt != null ? publishedAt : now, null);
    }

    Survey close(Instant now) {
        return switch (status) {
            case CLOSED -> this;
            case DRAFT -> throw new ConflictException("status", "A draft survey has not been published; delete it instead");
            case ACTIVE -> new Survey(id, tenantId, workspaceId, name, touchpointId, journeyId, content, openCaseForDetractors,
                    SurveyStatus.CLOSED, token, version + 1, createdAt, now, publishedAt, now);
        };
    }

    private void requireUnchanged(String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            throw new ConflictException(field, "can only change while the survey is a draft (it is " + status.value() + ")");
        }
    }
}
