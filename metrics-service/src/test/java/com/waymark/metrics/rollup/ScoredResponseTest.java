package com.waymark.metrics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.waymark.metrics.rollup.ScoredResponse.ScoreKey;
import com.waymark.metrics.score.Metric;
import com.waymark.platform.events.ResponseSubmitted;
import com.waymark.platform.events.ResponseSubmitted.Answer;

class ScoredResponseTest {

    @Test
    void skippedAnswersAreCountedAsSkippedAndNotAsScores() {
        ScoredResponse scored = ScoredResponse.of(response(null, " returning ", List.of(
                new Answer("q1", "nps", 9), new Answer("q2", "csat", null), new Answer("q3", "ces", null),
                new Answer("q4", "nps", null))));

        assertThat(scored.scoreCounts()).containsExactly(Map.entry(new ScoreKey(Metric.NPS, 9), 1L));
        assertThat(scored.skipped()).containsEntry(Metric.NPS, 1L).containsEntry(Metric.CSAT, 1L)
                .containsEntry(Metric.CES, 1L);
        assertThat(scored.segment()).isEqualTo("returning");
    }

    @Test
    void unscoredKindsAndScoresOffTheScaleAreLeftOut() {
        ScoredResponse scored = ScoredResponse.of(response(null, null, List.of(
                new Answer("t", "text", null), new Answer("c", "single-choice", null), new Answer("x", "csat", 6),
                new Answer("y", "NPS", 10), new Answer("z", "nps", 10))));

        assertThat(scored.answers()).hasSize(2);
        assertThat(scored.scoreCounts()).containsExactly(Map.entry(new ScoreKey(Metric.NPS, 10), 2L));
        assertThat(scored.skipped().values()).containsOnly(0L);
        assertThat(scored.segment()).isEmpty();
    }

    @Test
    void theRollupDayIsTheUtcDateOfSubmissionAndNoTouchpointHasASentinel() {
        ScoredResponse late = ScoredResponse.of(new ResponseSubmitted(UUID.randomUUID(), UUID.randomUUID(), null,
                Instant.parse("2026-11-23T23:59:59Z"), null, null, null, List.of()));
        UUID touchpoint = UUID.randomUUID();
        ScoredResponse placed = ScoredResponse.of(new ResponseSubmitted(UUID.randomUUID(), UUID.randomUUID(), touchpoint,
                Instant.parse("2026-11-24T00:00:00Z"), null, null, null, List.of()));

        assertThat(late.day()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(late.touchpointKey()).isEqualTo(ScoredResponse.NO_TOUCHPOINT);
        assertThat(RollupReader.isNoTouchpoint(late.touchpointKey())).isTrue();
        assertThat(placed.day()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(placed.touchpointKey()).isEqualTo(touchpoint);
    }

    private static ResponseSubmitted response(UUID touchpoint, String segment, List<Answer> answers) {
        return new ResponseSubmitted(UUID.randomUUID(), UUID.randomUUID(), touchpoint, Instant.parse("2026-11-23T10:00:00Z"),
                "en", segment, "Online", answers);
    }
}
