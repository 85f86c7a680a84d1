package com.waymark.feedback.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/**
 * Which responses a list or export shows; {@code from} inclusive, {@code to} exclusive, by submission
 * time; {@code minScore}/{@code maxScore} inclusive, on the headline score (the answer to the survey's
 * first NPS, CSAT or CES question), so a response without one never matches a score bound.
 */
record ResponseFilter(@Nullable UUID surveyId, @Nullable UUID touchpointId, @Nullable Instant from, @Nullable Instant to,
        @Nullable Integer minScore, @Nullable Integer maxScore) {

    /** Scores run from 0 (NPS) to 10 (NPS); CSAT and CES lie within. */
    static final int LOWEST_SCORE = 0;
    static final int HIGHEST_SCORE = 10;

    /** The filter, or a 400 naming every parameter at fault. */
    ResponseFilter check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        for (var bound : List.of(Map.entry("minScore", Optional.ofNullable(minScore)),
                Map.entry("maxScore", Optional.ofNullable(maxScore)))) {
            bound.getValue().filter(score -> score < LOWEST_SCORE || score > HIGHEST_SCORE).ifPresent(score -> problems.add(
                    new FieldProblem(bound.getKey(), "must be an integer from " + LOWEST_SCORE + " to " + HIGHEST_SCORE)));
        }
        if (problems.isEmpty() && minScore != null && maxScore != null && minScore > maxScore) {
            problems.add(new FieldProblem("maxScore", "must not be below minScore"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return this;
    }
}
