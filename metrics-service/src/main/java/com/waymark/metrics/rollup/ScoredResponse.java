package com.waymark.metrics.rollup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.metrics.score.Metric;
import com.waymark.platform.events.ResponseSubmitted;

/**
 * What a response contributes to the rollups: its rollup key (touchpoint, UTC day, segment), its
 * scored answers (NPS/CSAT/CES; other kinds carry no score) and how many of those were skipped.
 * An out-of-scale score cannot be counted exactly and is left out like an unknown kind.
 */
record ScoredResponse(UUID touchpointKey, LocalDate day, String segment, List<ScoredAnswer> answers) {

    /** Stands for "no touchpoint" in rollup keys, which cannot hold nulls. */
    static final UUID NO_TOUCHPOINT = new UUID(0, 0);

    record ScoredAnswer(String questionId, Metric metric, @Nullable Integer score) {
    }

    record ScoreKey(Metric metric, int score) implements Comparable<ScoreKey> {

        @Override
        public int compareTo(ScoreKey other) {
            int byMetric = metric.compareTo(other.metric);
            return byMetric != 0 ? byMetric : Integer.compare(score, other.score);
        }
    }

    static ScoredResponse of(ResponseSubmitted response) {
        List<ScoredAnswer> answers = new ArrayList<>();
        for (ResponseSubmitted.Answer answer : response.answers()) {
            Optional<Metric> metric = Metric.fromValue(answer.kind());
            if (metric.isEmpty()) {
                continue;
            }
            Integer score = answer.score();
            if (score != null && !metric.get().accepts(score)) {
                continue;
            }
            answers.add(new ScoredAnswer(answer.questionId(), metric.get(), score));
        }
        UUID touchpoint = response.touchpointId();
        return new ScoredResponse(touchpoint == null ? NO_TOUCHPOINT : touchpoint,
                LocalDate.ofInstant(response.submittedAt(), ZoneOffset.UTC), segmentOf(response.segment()), answers);
    }

    /** The rollup segment: trimmed, and '' when there is none. */
    static String segmentOf(@Nullable String segment) {
        return segment == null ? "" : segment.trim();
    }

    /** Answers per (metric, score), in a stable order so concurrent upserts lock rows in the same order. */
    Map<ScoreKey, Long> scoreCounts() {
        Map<ScoreKey, Long> counts = new TreeMap<>();
        for (ScoredAnswer answer : answers) {
            if (answer.score() != null) {
                counts.merge(new ScoreKey(answer.metric(), answer.score()), 1L, Long::sum);
            }
        }
        return counts;
    }

    Map<Metric, Long> skipped() {
        Map<Metric, Long> skipped = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            skipped.put(metric, 0L);
        }
        for (ScoredAnswer answer : answers) {
            if (answer.score() == null) {
                skipped.merge(answer.metric(), 1L, Long::sum);
            }
        }
        return skipped;
    }
}
