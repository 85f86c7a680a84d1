package com.waymark.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code feedback.response.submitted} v1: one respondent's answers to one survey. Scored answers
 * carry their kind ({@code nps}, {@code csat}, {@code ces}) so metrics need no survey lookup.
 *
 * @param journeyId     set when the survey asks about a whole journey rather than one touchpoint
 *                      (the journey-level outcome that driver analysis explains)
 * @param respondentKey a pseudonymous, per-workspace key of the respondent (never their e-mail or id
 *                      in clear), set when the respondent is known; links answers of one person
 */
public record ResponseSubmitted(UUID responseId, UUID surveyId, @Nullable UUID touchpointId, Instant submittedAt,
        @Nullable String lang, @Nullable String segment, @Nullable String channel, List<Answer> answers,
        @Nullable UUID journeyId, @Nullable String respondentKey) {

    public ResponseSubmitted {
        answers = List.copyOf(answers);
    }

    /** An answer at a touchpoint from an anonymous respondent (the fields of the first contract). */
    public ResponseSubmitted(UUID responseId, UUID surveyId, @Nullable UUID touchpointId, Instant submittedAt,
            @Nullable String lang, @Nullable String segment, @Nullable String channel, List<Answer> answers) {
        this(responseId, surveyId, touchpointId, submittedAt, lang, segment, channel, answers, null, null);
    }

    /** {@code score} is null for a skipped or non-numeric question. */
    public record Answer(String questionId, String kind, @Nullable Integer score) {
    }
}
