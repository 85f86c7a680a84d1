package com.waymark.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code feedback.response.submitted} v1: one respondent's answers to one survey. Scored answers
 * carry their kind ({@code nps}, {@code csat}, {@code ces}) so metrics need no survey lookup.
 */
public record ResponseSubmitted(UUID responseId, UUID surveyId, @Nullable UUID touchpointId, Instant submittedAt,
        @Nullable String lang, @Nullable String segment, @Nullable String channel, List<Answer> answers) {

    public ResponseSubmitted {
        answers = List.copyOf(answers);
    }

    /** {@code score} is null for a skipped or non-numeric question. */
    public record Answer(String questionId, String kind, @Nullable Integer score) {
    }
}
