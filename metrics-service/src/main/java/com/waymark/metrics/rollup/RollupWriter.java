package com.waymark.metrics.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.metrics.rollup.ScoredResponse.ScoreKey;
import com.waymark.metrics.rollup.ScoredResponse.ScoredAnswer;
import com.waymark.metrics.score.Metric;
import com.waymark.platform.events.ResponseSubmitted;

/**
 * Writes a response's raw facts and adds it to the daily rollups, in the caller's transaction. The
 * inbox makes a redelivered event a no-op; the raw fact's key makes the same response under a new
 * event id a no-op too, so nothing is ever counted twice. Erasure subtracts a response again, from
 * its raw facts.
 */
@Repository
class RollupWriter {

    private final JdbcClient jdbc;

    RollupWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the response had already been counted, or was erased. */
    boolean record(UUID tenantId, UUID workspaceId, UUID eventId, ResponseSubmitted response) {
        lockShared(jdbc, workspaceId);
        if (erased(workspaceId, response.responseId())) {
            return false;
        }
        ScoredResponse scored = ScoredResponse.of(response);
        int inserted = jdbc.sql("""
                insert into response_fact (tenant_id, workspace_id, response_id, survey_id, touchpoint_id, submitted_at,
                                           segment, channel, lang, event_id, journey_id, respondent_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, response_id) do nothing""")
                .params(tenantId, workspaceId, response.responseId(), response.surveyId(), response.touchpointId(),
                        Timestamp.from(response.submittedAt()), scored.segment(), response.channel(), response.lang(),
                        eventId, response.journeyId(), respondentKey(response.respondentKey()))
                .update();
        if (inserted == 0) {
            return false;
        }
        List<ScoredAnswer> answers = scored.answers();
        for (int position = 0; position < answers.size(); position++) {
            ScoredAnswer answer = answers.get(position);
            jdbc.sql("""
                    insert into response_answer (tenant_id, workspace_id, response_id, position, question_id, metric, score)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenantId, workspaceId, response.responseId(), position, answer.questionId(),
                            answer.metric().value(), answer.score())
                    .update();
        }
        Date day = Date.valueOf(scored.day());
        for (Map.Entry<ScoreKey, Long> entry : scored.scoreCounts().entrySet()) {
            jdbc.sql("""
                    insert into score_rollup (tenant_id, workspace_id, day, touchpoint_key, segment, metric, score, answers)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (workspace_id, day, touchpoint_key, segment, metric, score)
                    do update set answers = score_rollup.answers + excluded.answers""")
                    .params(tenantId, workspaceId, day, scored.touchpointKey(), scored.segment(),
                            entry.getKey().metric().value(), entry.getKey().score(), entry.getValue())
                    .update();
        }
        Map<Metric, Long> skipped = scored.skipped();
        jdbc.sql("""
                insert into response_rollup (tenant_id, workspace_id, day, touchpoint_key, segment, responses,
                                             nps_skipped, csat_skipped, ces_skipped)
                values (?, ?, ?, ?, ?, 1, ?, ?, ?)
                on conflict (workspace_id, day, touchpoint_key, segment) do update
                   set responses = response_rollup.responses + 1,
                       nps_skipped = response_rollup.nps_skipped + excluded.nps_skipped,
                       csat_skipped = response_rollup.csat_skipped + excluded.csat_skipped,
                       ces_skipped = response_rollup.ces_skipped + excluded.ces_skipped""")
                .params(tenantId, workspaceId, day, scored.touchpointKey(), scored.segment(), skipped.get(Metric.NPS),
                        skipped.get(Metric.CSAT), skipped.get(Metric.CES))
                .update();
        return true;
    }

    /** A blank key identifies nobody; an absurdly long one is not a hash feedback-service made. */
    static @Nullable String respondentKey(@Nullable String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return null;
        }
        return key.strip();
    }

    /**
     * Erasure: subtracts the response from the rollups using its raw facts, deletes the facts and
     * keeps only a tombstone of its id, so a later (re)delivery of its submission is not counted.
     * Returns false when the response was never counted here (nothing to subtract) or already erased.
     */
    boolean erase(UUID tenantId, UUID workspaceId, UUID responseId) {
        lockShared(jdbc, workspaceId);
        jdbc.sql("""
                insert into response_erased (tenant_id, workspace_id, response_id) values (?, ?, ?)
                on conflict (workspace_id, response_id) do nothing""")
                .params(tenantId, workspaceId, responseId).update();
        // the row lock taken here serializes two erasures of the same response
        List<ScoredResponse> facts = jdbc.sql("""
                select touchpoint_id, submitted_at, segment from response_fact
                where workspace_id = ? and response_id = ? for update""")
                .params(workspaceId, responseId)
                .query((rs, i) -> {
                    UUID touchpoint = rs.getObject("touchpoint_id", UUID.class);
                    return new ScoredResponse(touchpoint == null ? ScoredResponse.NO_TOUCHPOINT : touchpoint,
                            LocalDate.ofInstant(rs.getTimestamp("submitted_at").toInstant(), ZoneOffset.UTC),
                            rs.getString("segment"), List.of());
                })
                .list();
        if (facts.isEmpty()) {
            return false;
        }
        List<ScoredAnswer> answers = jdbc.sql("""
                select question_id, metric, score from response_answer
                where workspace_id = ? and response_id = ? order by position""")
                .params(workspaceId, responseId)
                .query((rs, i) -> new ScoredAnswer(rs.getString("question_id"),
                        Metric.fromValue(rs.getString("metric")).orElseThrow(),
                        rs.getObject("score") == null ? null : rs.getInt("score")))
                .list();
        ScoredResponse fact = facts.get(0);
        ScoredResponse scored = new ScoredResponse(fact.touchpointKey(), fact.day(), fact.segment(), answers);
        Date day = Date.valueOf(scored.day());
        for (Map.Entry<ScoreKey, Long> entry : scored.scoreCounts().entrySet()) {
            jdbc.sql("""
                    update score_rollup set answers = answers - ?
                    where workspace_id = ? and day = ? and touchpoint_key = ? and segment = ? and metric = ? and score = ?""")
                    .params(entry.getValue(), workspaceId, day, scored.touchpointKey(), scored.segment(),
                            entry.getKey().metric().value(), entry.getKey().score())
                    .update();
        }
        jdbc.sql("""
                delete from score_rollup
                where workspace_id = ? and day = ? and touchpoint_key = ? and segment = ? and answers = 0""")
                .params(workspaceId, day, scored.touchpointKey(), scored.segment()).update();
        Map<Metric, Long> skipped = scored.skipped();
        jdbc.sql("""
                update response_rollup
                   set responses = responses - 1, nps_skipped = nps_skipped - ?, csat_skipped = csat_skipped - ?,
                       ces_skipped = ces_skipped - ?
                 where workspace_id = ? and day = ? and touchpoint_key = ? and segment = ?""")
                .params(skipped.get(Metric.NPS), skipped.get(Metric.CSAT), skipped.get(Metric.CES), workspaceId, day,
                        scored.touchpointKey(), scored.segment())
                .update();
        jdbc.sql("""
                delete from response_rollup
                where workspace_id = ? and day = ? and touchpoint_key = ? and segment = ? and responses = 0""")
                .params(workspaceId, day, scored.touchpointKey(), scored.segment()).update();
        jdbc.sql("delete from response_fact where workspace_id = ? and response_id = ?").params(workspaceId, responseId)
                .update();
        return true;
    }

    private boolean erased(UUID workspaceId, UUID responseId) {
        return jdbc.sql("select exists (select 1 from response_erased where workspace_id = ? and response_id = ?)")
                .params(workspaceId, responseId).query(Boolean.class).single();
    }

    /**
     * Incremental writers of a workspace take this lock shared (they do not wait for each other); a
     * rebuild takes it exclusively, so it never interleaves with an increment. Held to the end of the
     * transaction.
     */
    static void lockShared(JdbcClient jdbc, UUID workspaceId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(hashtextextended(?::text, " + LOCK_SEED + "))")
                .param(workspaceId.toString()).query((rs, i) -> 1).list();
    }

    static void lockExclusive(JdbcClient jdbc, UUID workspaceId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?::text, " + LOCK_SEED + "))")
                .param(workspaceId.toString()).query((rs, i) -> 1).list();
    }

    /** Distinguishes this service's rollup lock from any other advisory lock. */
    private static final int LOCK_SEED = 7_007;
}
