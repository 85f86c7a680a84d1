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
 * What a response contributes to the rollups: its rollup key (touchpoint, journey for a journey-level
 * response, day, segment), its
 * scored answers (NPS/CSAT/CES; other kinds carry no score) and how many of those were skipped.
 * An out-of-scale score cannot be counted exactly and is left out like an unknown kind.
 */
record ScoredResponse(UUID touchpointKey, UUID journeyKey, LocalDate day, String segment, List<ScoredAnswer> answers) {

    /** Stands for "no touchpoint" (and "no journey") in rollup keys, which cannot hold nulls. */
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
                journeyKey(touchpoint, response.journeyId()),
                LocalDate.ofInstant(response.submittedAt(), ZoneOffset.UTC), segmentOf(response.segment()), answers);
    }

    /**
     * A response at a touchpoint belongs to the touchpoint's journey by the current map, which may change;
     * only a journey-level response (no touchpoint) is keyed by the journey it names.
     */
    static UUID journeyKey(@Nullable UUID touchpointId, @Nullable UUID journeyId) {
        return touchpointId == null && journeyId != null ? journeyId : NO_TOUCHPOINT;
    }

    /** The same response placed on another (the workspace's local) day. */
    ScoredResponse on(LocalDate localDay) {
        return new ScoredResponse(touchpointKey, journeyKey, localDay, segment, answers);
    }

    /** The first days of the day, ISO week and month buckets the response is counted in. */
    List<Bucket> buckets() {
        return List.of(new Bucket(Interval.DAY, day), new Bucket(Interval.WEEK, Interval.WEEK.start(day)),
                new Bucket(Interval.MONTH, Interval.MONTH.start(day)));
    }

    record Bucket(Interval grain, LocalDate start) {
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
