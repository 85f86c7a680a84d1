package com.waymark.feedback.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.feedback.touchpoint.Touchpoints;
import com.waymark.feedback.web.Bodies;
import com.waymark.feedback.web.ETags;
import com.waymark.feedback.web.JsonMergePatch;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ProblemTypes;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/** Survey builder use cases; runs under the workspace's tenant context set by the platform. */
@Service
class SurveyService {

    private static final List<String> READ_ONLY = List.of("id", "status", "distribution", "version", "createdAt",
            "updatedAt", "publishedAt", "closedAt");

    private final SurveyRepository repository;
    private final Touchpoints touchpoints;
    private final PublicLinks links;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SurveyService(SurveyRepository repository, Touchpoints touchpoints, PublicLinks links, JsonMapper json,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.touchpoints = touchpoints;
        this.links = links;
        this.json = json;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Survey create(WorkspaceAccess access, SurveyRequest request, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw new ValidationException("Idempotency-Key", "must be 1 to 200 characters");
            }
            Optional<Survey> earlier = repository.findByIdempotencyKey(access.workspaceId(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        SurveyDraft draft = SurveyRules.validate(request);
        requireTouchpoint(access.workspaceId(), draft.touchpointId());
        requireJourney(access.workspaceId(), draft.journeyId());
        Survey survey = Survey.create(Uuids.timeOrdered(), access.tenantId(), access.workspaceId(), draft, now());
        repository.insert(survey, idempotencyKey);
        return survey;
    }

    @Transactional(readOnly = true)
    public Survey get(UUID workspaceId, UUID surveyId) {
        return repository.find(workspaceId, surveyId).orElseThrow(() -> notFound(surveyId));
    }

    @Transactional(readOnly = true)
    public Page<Survey> list(UUID workspaceId, @Nullable SurveyStatus status, @Nullable UUID touchpointId,
            @Nullable String cursor, @Nullable Integer limit) {
        int size = Paging.limit(limit);
        List<Survey> rows = repository.list(workspaceId, status, touchpointId, Paging.after(cursor), size);
        return Paging.page(rows, size, Survey::id);
    }

    /** Applies a JSON merge patch to the survey as the API shows it, then validates the result whole. */
    @Transactional
    public Survey patch(UUID workspaceId, UUID surveyId, JsonNode patch, @Nullable String ifMatch) {
        if (!patch.isObject()) {
            throw new ValidationException("body", "must be a JSON object (a merge patch)");
        }
        Survey survey = repository.findForUpdate(workspaceId, surveyId).orElseThrow(() -> notFound(surveyId));
        ETags.requireMatch(ifMatch, survey.version());
        JsonNode status = patch.get("status");
        if (status != null && !status.isNull() && !survey.status().value().equals(status.asString(""))) {
            throw new ValidationException("status", "changes only through POST .../publish or .../close");
        }
        // a client may send back what it read: fields the server owns are not part of the edit
        ObjectNode edit = ((ObjectNode) patch).deepCopy();
        edit.remove(READ_ONLY);
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(SurveyRequest.of(survey.draft())), edit);
        SurveyRequest request;
        try {
            request = json.treeToValue(merged, SurveyRequest.class);
        } catch (JacksonException e) {
            throw Bodies.invalid(e);
        }
        SurveyDraft draft = SurveyRules.validate(request);
        Survey edited = survey.edit(draft, now());
        if (edited == survey) {
            return survey;
        }
        if (draft.touchpointId() != null && !draft.touchpointId().equals(survey.touchpointId())) {
            requireTouchpoint(workspaceId, draft.touchpointId());
        }
        if (draft.journeyId() != null && !draft.journeyId().equals(survey.journeyId())) {
            requireJourney(workspaceId, draft.journeyId());
        }
        repository.update(edited);
        changed(edited);
        return edited;
    }

    @Transactional
    public void delete(UUID workspaceId, UUID surveyId, @Nullable String ifMatch) {
        Survey survey = repository.findForUpdate(workspaceId, surveyId).orElseThrow(() -> notFound(surveyId));
        ETags.requireMatch(ifMatch, survey.version());
        repository.delete(workspaceId, surveyId);
        changed(survey);
    }

    @Transactional
    public Survey publish(UUID workspaceId, UUID surveyId) {
        Survey survey = repository.findForUpdate(workspaceId, surveyId).orElseThrow(() -> notFound(surveyId));
        Survey published = survey.publish(links.newToken(), now());
        if (published != survey) {
            repository.update(published);
            repository.insertLink(new SurveyLink(published.token(), published.tenantId(), workspaceId, surveyId));
            changed(published);
        }
        return published;
    }

    @Transactional
    public Survey close(UUID workspaceId, UUID surveyId) {
        Survey survey = repository.findForUpdate(workspaceId, surveyId).orElseThrow(() -> notFound(surveyId));
        Survey closed = survey.close(now());
        if (closed != survey) {
            repository.update(closed);
            changed(closed);
        }
        return closed;
    }

    Distribution distribution(Survey survey) {
        if (survey.token() == null) {
            throw new IllegalStateException("Survey " + survey.id() + " has not been published");
        }
        return links.distribution(survey.token());
    }

    @Nullable Distribution distributionIfPublished(Survey survey) {
        return survey.token() == null ? null : links.distribution(survey.token());
    }

    /**
     * Touchpoints come from mapping-service events; one of another workspace is as unknown as one that
     * does not exist.
     */
    private void requireTouchpoint(UUID workspaceId, @Nullable UUID touchpointId) {
        if (touchpointId != null && !touchpoints.existsIn(workspaceId, touchpointId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "Touchpoint " + touchpointId + " was not found",
                    List.of(new FieldProblem("touchpointId", "is not a touchpoint of this workspace")));
        }
    }

    /** Journeys come from mapping-service events too; another workspace's is unknown here. */
    private void requireJourney(UUID workspaceId, @Nullable UUID journeyId) {
        if (journeyId != null && !touchpoints.journeyExistsIn(workspaceId, journeyId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "Journey " + journeyId + " was not found",
                    List.of(new FieldProblem("journeyId", "is not a journey of this workspace")));
        }
    }

    private void changed(Survey survey) {
        events.publishEvent(new SurveyChanged(survey.workspaceId(), survey.id(), survey.token()));
    }

    private static NotFoundException notFound(UUID surveyId) {
        return new NotFoundException("Survey " + surveyId);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is returned must equal what is read back later
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
