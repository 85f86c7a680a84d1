package com.waymark.metrics.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.metrics.rollup.ScoredResponse.ScoreKey;
import com.waymark.metrics.rollup.ScoredResponse.ScoredAnswer;
import com.waymark.metrics.score.Metric;
import com.waymark.platform.events.ResponseSubmitted;

/**
 * Writes a response's raw facts and adds it to the daily rollups, in the caller's transaction. The
 * inbox makes a redelivered event a no-op; the raw fact's key makes the same response under a new
 * event id a no-op too, so nothing is ever counted twice.
 */
@Repository
class RollupWriter {

    private final JdbcClient jdbc;

    RollupWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the response had already been counted. */
    boolean record(UUID tenantId, UUID workspaceId, UUID eventId, ResponseSubmitted response) {
        ScoredResponse scored = ScoredResponse.of(response);
        int inserted = jdbc.sql("""
                insert into response_fact (tenant_id, workspace_id, response_id, survey_id, touchpoint_id, submitted_at,
                                           segment, channel, lang, event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, response_id) do nothing""")
                .params(tenantId, workspaceId, response.responseId(), response.surveyId(), response.touchpointId(),
                        Timestamp.from(response.submittedAt()), scored.segment(), response.channel(), response.lang(),
                        eventId)
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
}
