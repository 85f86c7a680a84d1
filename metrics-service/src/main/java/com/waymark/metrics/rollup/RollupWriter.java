package com.waymark.metrics.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
 * Writes a response's raw facts and adds it to the day, week and month rollups (of the workspace's time
 * zone), in the caller's transaction. The
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
        int inserted = jdbc.sql("""
                insert into response_fact (tenant_id, workspace_id, response_id, survey_id, touchpoint_id, submitted_at,
                                           segment, channel, lang, event_id, journey_id, respondent_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, response_id) do nothing""")
                .params(tenantId, workspaceId, response.responseId(), response.surveyId(), response.touchpointId(),
                        Timestamp.from(response.submittedAt()), ScoredResponse.segmentOf(response.segment()),
                        response.channel(), response.lang(), eventId, response.journeyId(),
                        respondentKey(response.respondentKey()))
                .update();
        if (inserted == 0) {
            return false;
        }
        // read under the shared lock: a time-zone change rebuilds under the exclusive one, so the zone
        // read here is the one the rollups are keyed by
        ScoredResponse scored = ScoredResponse.of(response).on(localDay(workspaceId, response.submittedAt()));
        List<ScoredAnswer> answers = scored.answers();
        if (!answers.isEmpty()) {
            List<Object> params = new ArrayList<>();
            for (int position = 0; position < answers.size(); position++) {
                ScoredAnswer answer = answers.get(position);
                params.addAll(List.of(tenantId, workspaceId, response.responseId(), position, answer.questionId(),
                        answer.metric().value()));
                params.add(answer.score());
            }
            jdbc.sql("insert into response_answer (tenant_id, workspace_id, response_id, position, question_id, metric, score) "
                    + "values " + tuples(answers.size(), 7)).params(params).update();
        }
        add(tenantId, workspaceId, scored, 1);
        return true;
    }

    /**
     * Adds ({@code sign} 1) or subtracts (-1) a response in its day, week and month rollups: one statement
     * per table, rows in a stable order so that concurrent writers lock them in the same order.
     */
    private void add(UUID tenantId, UUID workspaceId, ScoredResponse scored, int sign) {
        Map<ScoreKey, Long> counts = scored.scoreCounts();
        List<ScoredResponse.Bucket> buckets = scored.buckets();
        if (!counts.isEmpty()) {
            List<Object> params = new ArrayList<>();
            for (ScoredResponse.Bucket bucket : buckets) {
                for (Map.Entry<ScoreKey, Long> entry : counts.entrySet()) {
                    params.addAll(List.of(tenantId, workspaceId, bucket.grain().value(), Date.valueOf(bucket.start()),
                            scored.touchpointKey(), scored.journeyKey(), scored.segment(), entry.getKey().metric().value(),
                            entry.getKey().score(), sign * entry.getValue()));
                }
            }
            if (sign > 0) {
                jdbc.sql("""
                        insert into score_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment,
                                                  metric, score, answers)
                        values %s
                        on conflict (workspace_id, grain, day, touchpoint_key, journey_key, segment, metric, score)
                        do update set answers = score_rollup.answers + excluded.answers""".formatted(typedTuples(
                        buckets.size() * counts.size(), SCORE_TYPES))).params(params).update();
            } else {
                jdbc.sql("""
                        update score_rollup r set answers = r.answers + v.answers
                        from (values %s) v (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment,
                                            metric, score, answers)
                        where r.workspace_id = v.workspace_id and r.grain = v.grain and r.day = v.day
                          and r.touchpoint_key = v.touchpoint_key and r.journey_key = v.journey_key
                          and r.segment = v.segment and r.metric = v.metric and r.score = v.score""".formatted(typedTuples(
                        buckets.size() * counts.size(), SCORE_TYPES))).params(params).update();
                jdbc.sql("""
                        delete from score_rollup
                        where workspace_id = ? and touchpoint_key = ? and journey_key = ? and segment = ? and answers = 0
                          and ((grain = 'day' and day = ?) or (grain = 'week' and day = ?) or (grain = 'month' and day = ?))""")
                        .params(workspaceId, scored.touchpointKey(), scored.journeyKey(), scored.segment(),
                                Date.valueOf(buckets.get(0).start()), Date.valueOf(buckets.get(1).start()),
                                Date.valueOf(buckets.get(2).start()))
                        .update();
            }
        }
        Map<Metric, Long> skipped = scored.skipped();
        List<Object> params = new ArrayList<>();
        for (ScoredResponse.Bucket bucket : buckets) {
            params.addAll(List.of(tenantId, workspaceId, bucket.grain().value(), Date.valueOf(bucket.start()),
                    scored.touchpointKey(), scored.journeyKey(), scored.segment(), (long) sign,
                    sign * skipped.get(Metric.NPS), sign * skipped.get(Metric.CSAT), sign * skipped.get(Metric.CES)));
        }
        if (sign > 0) {
            jdbc.sql("""
                    insert into response_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment,
                                                 responses, nps_skipped, csat_skipped, ces_skipped)
                    values %s
                    on conflict (workspace_id, grain, day, touchpoint_key, journey_key, segment) do update
                       set responses = response_rollup.responses + excluded.responses,
                           nps_skipped = response_rollup.nps_skipped + excluded.nps_skipped,
                           csat_skipped = response_rollup.csat_skipped + excluded.csat_skipped,
                           ces_skipped = response_rollup.ces_skipped + excluded.ces_skipped""".formatted(typedTuples(
                    buckets.size(), RESPONSE_TYPES))).params(params).update();
        } else {
            jdbc.sql("""
                    update response_rollup r
                       set responses = r.responses + v.responses, nps_skipped = r.nps_skipped + v.nps_skipped,
                           csat_skipped = r.csat_skipped + v.csat_skipped, ces_skipped = r.ces_skipped + v.ces_skipped
                    from (values %s) v (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, responses,
                                        nps_skipped, csat_skipped, ces_skipped)
                    where r.workspace_id = v.workspace_id and r.grain = v.grain and r.day = v.day
                      and r.touchpoint_key = v.touchpoint_key and r.journey_key = v.journey_key
                      and r.segment = v.segment""".formatted(typedTuples(buckets.size(), RESPONSE_TYPES)))
                    .params(params).update();
            jdbc.sql("""
                    delete from response_rollup
                    where workspace_id = ? and touchpoint_key = ? and journey_key = ? and segment = ? and responses = 0
                      and ((grain = 'day' and day = ?) or (grain = 'week' and day = ?) or (grain = 'month' and day = ?))""")
                    .params(workspaceId, scored.touchpointKey(), scored.journeyKey(), scored.segment(),
                            Date.valueOf(buckets.get(0).start()), Date.valueOf(buckets.get(1).start()),
                            Date.valueOf(buckets.get(2).start()))
                    .update();
        }
    }

    private static final List<String> SCORE_TYPES = List.of("uuid", "uuid", "text", "date", "uuid", "uuid", "text", "text",
            "smallint", "bigint");
    private static final List<String> RESPONSE_TYPES = List.of("uuid", "uuid", "text", "date", "uuid", "uuid", "text",
            "bigint", "bigint", "bigint", "bigint");

    private static String tuples(int rows, int columns) {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, tuple));
    }

    /** Typed placeholders, so a VALUES list used as a table has the columns' types. */
    private static String typedTuples(int rows, List<String> types) {
        String tuple = "(" + String.join(", ", types.stream().map(type -> "?::" + type).toList()) + ")";
        return String.join(", ", Collections.nCopies(rows, tuple));
    }

    /**
     * The date of {@code instant} in the workspace's time zone (metric settings, else UTC), computed by
     * PostgreSQL like the rebuild does, so both always agree on a day boundary.
     */
    private LocalDate localDay(UUID workspaceId, Instant instant) {
        return jdbc.sql("""
                select (cast(? as timestamptz) at time zone
                        coalesce((select time_zone from metric_settings where workspace_id = ?), 'UTC'))::date""")
                .params(Timestamp.from(instant), workspaceId).query(LocalDate.class).single();
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
                select touchpoint_id, journey_id, submitted_at, segment from response_fact
                where workspace_id = ? and response_id = ? for update""")
                .params(workspaceId, responseId)
                .query((rs, i) -> {
                    UUID touchpoint = rs.getObject("touchpoint_id", UUID.class);
                    UUID journey = rs.getObject("journey_id", UUID.class);
                    Instant submitted = rs.getTimestamp("submitted_at").toInstant();
                    return new ScoredResponse(touchpoint == null ? ScoredResponse.NO_TOUCHPOINT : touchpoint,
                            ScoredResponse.journeyKey(touchpoint, journey), localDay(workspaceId, submitted),
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
        add(tenantId, workspaceId, new ScoredResponse(fact.touchpointKey(), fact.journeyKey(), fact.day(), fact.segment(),
                answers), -1);
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
