package com.waymark.feedback.response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import com.waymark.feedback.survey.QuestionKind;
import com.waymark.feedback.survey.Survey;

/**
 * Published in-process (Spring application event) inside the transaction that stored a live response
 * from a link or widget, so a listener's work commits or rolls back with it. CSV imports, being
 * history, do not publish it.
 *
 * @param scores the answered NPS, CSAT and CES questions, in question order
 */
public record ResponseReceived(Survey survey, UUID responseId, Instant submittedAt, List<Score> scores) {

    public ResponseReceived {
        scores = List.copyOf(scores);
    }

    public record Score(String questionId, QuestionKind kind, int score) {
    }
}
