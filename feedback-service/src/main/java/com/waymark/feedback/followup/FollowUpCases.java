package com.waymark.feedback.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.feedback.response.ResponseOrigin;
import com.waymark.feedback.response.ResponseReceived;
import com.waymark.feedback.response.RespondentErased;
import com.waymark.feedback.response.Responses;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.Surveys;
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

/** Follow-up case use cases; run under the workspace's tenant context. */
@Service
class FollowUpCases {

    /** Fields a client may send back as it read them; the server owns them. */
    private static final List<String> READ_ONLY = List.of("id", "overdue", "origin", "version", "createdAt", "updatedAt",
            "closedAt");

    private final CaseRepository repository;
    private final Responses responses;
    private final Surveys surveys;
    private final Touchpoints touchpoints;
    private final FollowUpProperties properties;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    FollowUpCases(CaseRepository repository, Responses responses, Surveys surveys, Touchpoints touchpoints,
            FollowUpProperties properties, JsonMapper json) {
        this.repository = repository;
        this.responses = responses;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.properties = properties;
        this.json = json;
    }

    /**
     * A detractor answer to a survey that asks for it opens a case, due after the SLA. Runs inside the
     * transaction that stores the response: both are committed, or neither.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void openForDetractor(ResponseReceived received) {
        Survey survey = received.survey();
        if (!survey.openCaseForDetractors()) {
            return;
        }
        DetractorRule.firstDetractor(received.scores()).ifPresent(score -> {
            Instant now = now();
            FollowUpCase followUp = FollowUpCase.open(Uuids.timeOrdered(), survey.tenantId(), survey.workspaceId(),
                    new FollowUpCase.Links(received.responseId(), survey.id(), survey.touchpointId(),
                            journeyOf(survey.workspaceId(), survey, survey.touchpointId())),
                    new CaseDraft(DetractorRule.title(score, survey.name()), null, CaseStatus.OPEN, null, null),
                    FollowUpCase.DETRACTOR, properties.caseSla(), now);
            repository.insert(followUp, null);
        });
    }

    /**
     * A respondent's data is being erased (their request under GDPR art. 17): the cases that follow up
     * their responses go too, with notes, resolutions and comments. Those hold what staff learnt about
     * the person (names, phone calls, promises) in free text that cannot be scrubbed reliably field by
     * field; keeping an anonymised shell would keep that risk. Runs in the erasing transaction.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void eraseForRespondent(RespondentErased erased) {
        repository.deleteForResponses(erased.workspaceId(), erased.responseIds());
    }

    @Transactional
    public FollowUpCase create(WorkspaceAccess access, CaseRequest request, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw new ValidationException("Idempotency-Key", "must be 1 to 200 characters");
            }
            Optional<FollowUpCase> earlier = repository.findByIdempotencyKey(access.workspaceId(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        CaseDraft draft = CaseRules.validate(request);
        FollowUpCase.Links links = links(access.workspaceId(), request);
        FollowUpCase followUp = FollowUpCase.open(Uuids.timeOrdered(), access.tenantId(), access.workspaceId(), links, draft,
                FollowUpCase.MANUAL, properties.caseSla(), now());
        if (!repository.insert(followUp, idempotencyKey) && idempotencyKey != null) {
            // a concurrent retry with the same key won
            return repository.findByIdempotencyKey(access.workspaceId(), idempotencyKey).orElseThrow();
        }
        return followUp;
    }

    @Transactional(readOnly = true)
    public FollowUpCase get(UUID workspaceId, UUID caseId) {
        return repository.find(workspaceId, caseId).orElseThrow(() -> notFound(caseId));
    }

    @Transactional(readOnly = true)
    public Page<FollowUpCase> list(UUID workspaceId, CaseRepository.Filter filter, @Nullable String cursor,
            @Nullable Integer limit) {
        int size = Paging.limit(limit);
        return Paging.page(repository.list(workspaceId, filter, now(), Paging.after(cursor), size), size, FollowUpCase::id);
    }

    /** Applies a JSON merge patch to the case as the API shows it, then validates the result whole. */
    @Transactional
    public FollowUpCase patch(UUID workspaceId, UUID caseId, JsonNode patch, @Nullable String ifMatch) {
        if (!patch.isObject()) {
            throw new ValidationException("body", "must be a JSON object (a merge patch)");
        }
        FollowUpCase current = repository.findForUpdate(workspaceId, caseId).orElseThrow(() -> notFound(caseId));
        ETags.requireMatch(ifMatch, current.version());
        ObjectNode edit = ((ObjectNode) patch).deepCopy();
        edit.remove(READ_ONLY);
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(CaseRequest.of(current)), edit);
        CaseRequest request;
        try {
            request = json.treeToValue(merged, CaseRequest.class);
        } catch (JacksonException e) {
            throw Bodies.invalid(e);
        }
        if (request.dueAt() == null) {
            throw new ValidationException("dueAt", "must be a time (ISO-8601)");
        }
        CaseDraft draft = CaseRules.validate(request, current);
        requireUnchanged("responseId", current.responseId(), request.responseId());
        requireUnchanged("surveyId", current.surveyId(), request.surveyId());
        requireUnchanged("touchpointId", current.touchpointId(), request.touchpointId());
        requireUnchanged("journeyId", current.journeyId(), request.journeyId());
        FollowUpCase edited = current.edit(draft, properties.caseSla(), now());
        if (edited != current) {
            repository.update(edited);
        }
        return edited;
    }

    Instant now() {
        // PostgreSQL keeps microseconds: what is returned must equal what is read back later
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The case's links, each checked to belong to the workspace (404 naming the field otherwise). A
     * response brings its survey and touchpoint; ones given as well must match them. The journey is
     * the survey's (journey-level survey) or the touchpoint's; one given must match it.
     */
    private FollowUpCase.Links links(UUID workspaceId, CaseRequest request) {
        UUID responseId = null;
        UUID surveyId = request.surveyId();
        UUID touchpointId = request.touchpointId();
        if (request.responseId() != null) {
            ResponseOrigin origin = responses.origin(workspaceId, request.responseId())
                    .orElseThrow(() -> notFound("responseId", "Response " + request.responseId()));
            if (surveyId != null && !surveyId.equals(origin.surveyId())) {
                throw new ValidationException("surveyId", "must be the survey of the response (or left out)");
            }
            if (touchpointId != null && !touchpointId.equals(origin.touchpointId())) {
                throw new ValidationException("touchpointId", "must be the touchpoint of the response (or left out)");
            }
            responseId = origin.responseId();
            surveyId = origin.surveyId();
            touchpointId = origin.touchpointId();
        } else {
            if (touchpointId != null && !touchpoints.existsIn(workspaceId, touchpointId)) {
                throw notFound("touchpointId", "Touchpoint " + touchpointId);
            }
        }
        Survey survey = null;
        if (surveyId != null) {
            UUID wanted = surveyId;
            survey = surveys.find(workspaceId, surveyId).orElse(null);
            if (survey == null && request.responseId() == null) {
                throw notFound("surveyId", "Survey " + wanted);
            }
        }
        UUID journeyId = journeyOf(workspaceId, survey, touchpointId);
        if (request.journeyId() != null) {
            if (journeyId != null && !journeyId.equals(request.journeyId())) {
                throw new ValidationException("journeyId", "must be the journey of the survey or touchpoint (or left out)");
            }
            if (journeyId == null && !touchpoints.journeyExistsIn(workspaceId, request.journeyId())) {
                throw notFound("journeyId", "Journey " + request.journeyId());
            }
            journeyId = request.journeyId();
        }
        return new FollowUpCase.Links(responseId, surveyId, touchpointId, journeyId);
    }

    /** The journey a case is about: a journey-level survey's, else its touchpoint's (when still known). */
    private @Nullable UUID journeyOf(UUID workspaceId, @Nullable Survey survey, @Nullable UUID touchpointId) {
        if (survey != null && survey.journeyId() != null) {
            return survey.journeyId();
        }
        return touchpointId == null ? null : touchpoints.journeyOf(workspaceId, touchpointId).orElse(null);
    }

    private static void requireUnchanged(String field, @Nullable UUID before, @Nullable UUID after) {
        if (!Objects.equals(before, after)) {
            throw new ValidationException(field, "is fixed when the case is opened");
        }
    }

    private static ApiException notFound(String field, String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " was not found",
                List.of(new FieldProblem(field, "is not known in this workspace")));
    }

    private static NotFoundException notFound(UUID caseId) {
        return new NotFoundException("Case " + caseId);
    }
}
