package com.waymark.feedback.response;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.feedback.response.ResponseSubmission.AnswerSubmission;
import com.waymark.feedback.survey.Survey;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.GoneException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.ResponseDeleted;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/**
 * Stores responses and announces each new one as {@code feedback.response.submitted}, in the same
 * transaction. Callers run under the survey's tenant context.
 */
@Service
public class Responses {

    static final int MAX_SEGMENT = 100;
    static final int MAX_CHANNEL = 100;
    static final int MAX_URL = 2000;
    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_EMAIL = 254;
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ResponseRepository repository;
    private final ResponseWriter writer;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    Responses(ResponseRepository repository, ResponseWriter writer, Outbox outbox) {
        this.repository = repository;
        this.writer = writer;
        this.outbox = outbox;
    }

    /**
     * Checks and stores one submission to an active survey, with the next batch of the response writer
     * (group commit): returns once the response is committed. A submission id the survey has seen before
     * is accepted again without a second row or event (clients retry). Runs in no transaction of its own.
     *
     * @param client what the request showed about its client; kept only when the workspace says so
     * @return whether this call stored it (false for a repeat)
     */
    public boolean submit(Survey survey, ResponseSubmission submission, ClientDetails client) {
        return writer.write(check(survey, submission, client));
    }

    /** The submission as it would be stored, or the rules it breaks (400, naming the fields). */
    StoredResponse check(Survey survey, ResponseSubmission submission, ClientDetails client) {
        if (!survey.acceptsAnswers()) {
            throw new GoneException("This survey is not taking answers");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (submission.submissionId() == null) {
            problems.add(new FieldProblem("submissionId", "must be a UUID chosen by the client"));
        }
        List<@Nullable AnswerInput> inputs = new ArrayList<>();
        if (submission.answers() == null) {
            problems.add(new FieldProblem("answers", "must be a list of answers"));
        } else {
            for (AnswerSubmission answer : submission.answers()) {
                inputs.add(answer == null ? null : new AnswerInput(answer.questionId(), answer.value()));
            }
        }
        List<StoredAnswer> answers = AnswerRules.check(survey.content(), inputs, AnswerRules.JSON, problems);
        String lang = survey.content().defaultLanguage();
        if (submission.lang() != null) {
            lang = survey.content().language(submission.lang()).orElse(lang);
            if (survey.content().language(submission.lang()).isEmpty()) {
                problems.add(new FieldProblem("lang", "must be one of the survey's languages: "
                        + String.join(", ", survey.content().languages())));
            }
        }
        ResponseSubmission.Respondent respondent = submission.respondent();
        String externalId = respondent == null ? null : limited(respondent.externalId(), "respondent.externalId", MAX_EXTERNAL_ID, problems);
        String email = respondent == null ? null : limited(respondent.email(), "respondent.email", MAX_EMAIL, problems);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("respondent.email", "must be an email address"));
        }
        ResponseSubmission.SubmissionContext context = submission.context();
        String segment = context == null ? null : limited(context.segment(), "context.segment", MAX_SEGMENT, problems);
        String channel = context == null ? null : limited(context.channel(), "context.channel", MAX_CHANNEL, problems);
        String url = context == null ? null : limited(context.url(), "context.url", MAX_URL, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new StoredResponse(survey.tenantId(), survey.workspaceId(), ResponseIds.at(now), survey.id(),
                survey.touchpointId(), submission.submissionId(), now, now, lang, segment, channel, url, externalId, email,
                StoredResponse.WEB, answers, client.address(), client.userAgent());
    }

    /** The in-process announcement of a stored live response (follow-up cases listen). */
    static ResponseReceived received(Survey survey, StoredResponse response) {
        return new ResponseReceived(survey, response.id(), response.submittedAt(), response.answers().stream()
                .filter(answer -> answer.kind().scored() && answer.score() != null)
                .map(answer -> new ResponseReceived.Score(answer.questionId(), answer.kind(), answer.score()))
                .toList());
    }

    /** A response's survey and touchpoint, read under the current tenant context. */
    @Transactional(readOnly = true)
    public Optional<ResponseOrigin> origin(UUID workspaceId, UUID responseId) {
        return repository.find(workspaceId, responseId)
                .map(response -> new ResponseOrigin(response.id(), response.surveyId(), response.touchpointId()));
    }

    /**
     * Stores a checked response and its event (with the survey's journey, for a journey-level survey);
     * false (and nothing written) when it is a repeat.
     */
    boolean store(StoredResponse response, @Nullable UUID journeyId) {
        if (!repository.insertIfNew(response)) {
            return false;
        }
        outbox.append(EventTypes.RESPONSE_SUBMITTED, 1, response.tenantId(), response.workspaceId(), response.event(journeyId));
        return true;
    }

    @Transactional(readOnly = true)
    StoredResponse get(UUID workspaceId, UUID responseId) {
        return repository.find(workspaceId, responseId).orElseThrow(() -> new NotFoundException("Response " + responseId));
    }

    @Transactional(readOnly = true)
    Page<StoredResponse> list(UUID workspaceId, ResponseFilter filter, @Nullable String cursor, @Nullable Integer limit) {
        filter.check();
        int size = Paging.limit(limit);
        return Paging.page(repository.list(workspaceId, filter, Paging.after(cursor), size), size, StoredResponse::id);
    }

    /**
     * GDPR erasure: removes the response with its answers and announces {@code feedback.response.deleted}
     * in the same transaction, so metrics subtract it. An unknown (or already erased) id is a 404.
     */
    @Transactional
    void erase(UUID workspaceId, UUID responseId) {
        ResponseRepository.Erased erased = repository.delete(workspaceId, responseId)
                .orElseThrow(() -> new NotFoundException("Response " + responseId));
        outbox.append(EventTypes.RESPONSE_DELETED, 1, erased.tenantId(), workspaceId,
                new ResponseDeleted(erased.responseId(), erased.surveyId()));
    }

    /** Trimmed, blank as absent, and at most {@code max} characters. */
    static @Nullable String limited(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            return null;
        }
        return trimmed;
    }
}
