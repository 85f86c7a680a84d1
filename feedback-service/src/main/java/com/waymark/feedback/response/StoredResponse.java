package com.waymark.feedback.response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.events.ResponseSubmitted;

/**
 * A response as stored. {@code source} is {@code web} (link or widget) or {@code import} (CSV).
 * {@code clientAddress} and {@code userAgent} are what the respondent's request showed; they are
 * stored only when the workspace's respondent-privacy settings say so at the moment of storing.
 */
record StoredResponse(UUID tenantId, UUID workspaceId, UUID id, UUID surveyId, @Nullable UUID touchpointId,
        UUID submissionId, Instant submittedAt, Instant receivedAt, String lang, @Nullable String segment,
        @Nullable String channel, @Nullable String url, @Nullable String respondentExternalId,
        @Nullable String respondentEmail, String source, List<StoredAnswer> answers, @Nullable String clientAddress,
        @Nullable String userAgent) {

    static final String WEB = "web";
    static final String IMPORT = "import";

    StoredResponse {
        answers = List.copyOf(answers);
    }

    /** A response without client details (imports have none). */
    StoredResponse(UUID tenantId, UUID workspaceId, UUID id, UUID surveyId, @Nullable UUID touchpointId,
            UUID submissionId, Instant submittedAt, Instant receivedAt, String lang, @Nullable String segment,
            @Nullable String channel, @Nullable String url, @Nullable String respondentExternalId,
            @Nullable String respondentEmail, String source, List<StoredAnswer> answers) {
        this(tenantId, workspaceId, id, surveyId, touchpointId, submissionId, submittedAt, receivedAt, lang, segment, channel,
                url, respondentExternalId, respondentEmail, source, answers, null, null);
    }

    /**
     * The headline score that {@code minScore}/{@code maxScore} filter on: the answer to the survey's
     * first NPS, CSAT or CES question, in question order; null when there is none.
     */
    @Nullable StoredAnswer headline() {
        return answers.stream().filter(answer -> answer.kind().scored()).findFirst().orElse(null);
    }

    /**
     * The event metrics consume: one answer per scored question, score null when it was skipped; the
     * survey's journey for a journey-level survey; the respondent only as a pseudonymous key.
     */
    ResponseSubmitted event(@Nullable UUID journeyId) {
        return new ResponseSubmitted(id, surveyId, touchpointId, submittedAt, lang, segment, channel,
                answers.stream().filter(answer -> answer.kind().scored())
                        .map(answer -> new ResponseSubmitted.Answer(answer.questionId(), answer.kind().value(), answer.score()))
                        .toList(),
                journeyId, RespondentKeys.of(workspaceId, respondentExternalId, respondentEmail));
    }
}
