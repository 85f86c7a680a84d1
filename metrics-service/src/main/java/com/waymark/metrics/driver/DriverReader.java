package com.waymark.metrics.driver;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.metrics.driver.Pairs.TouchpointAnswer;
import com.waymark.metrics.score.Metric;

/** Reads the raw facts driver analysis needs, under the caller's tenant context (row-level security). */
@Repository
class DriverReader {

    private final JdbcClient jdbc;

    DriverReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each known respondent's journey-level NPS answer: the latest response to a survey of the journey in
     * [from, to) that answered an NPS question (its first one).
     */
    Map<String, Integer> outcomes(UUID workspaceId, UUID journeyId, Instant from, Instant to) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct on (f.respondent_key) f.respondent_key, a.score
                from response_fact f
                join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
                where f.workspace_id = :ws and f.journey_id = :journey and f.respondent_key is not null
                  and f.submitted_at >= :from and f.submitted_at < :to
                  and a.metric = 'nps' and a.score is not null
                order by f.respondent_key, f.submitted_at desc, f.response_id desc, a.position""")
                .param("ws", workspaceId)
                .param("journey", journeyId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, i) -> outcomes.put(rs.getString("respondent_key"), rs.getInt("score")))
                .list();
        return outcomes;
    }

    /**
     * Answered scored questions at these touchpoints in [from, to), of respondents who also gave a
     * journey-level NPS answer for the journey in the period.
     */
    List<TouchpointAnswer> touchpointAnswers(UUID workspaceId, UUID journeyId, Collection<UUID> touchpointIds,
            Instant from, Instant to) {
        if (touchpointIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select f.touchpoint_id, f.respondent_key, f.response_id, a.metric, a.position, a.score
                from response_fact f
                join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
                where f.workspace_id = :ws and f.touchpoint_id in (:touchpoints) and f.respondent_key is not null
                  and f.submitted_at >= :from and f.submitted_at < :to and a.score is not null
                  and exists (select 1 from response_fact o
                              where o.workspace_id = f.workspace_id and o.journey_id = :journey
                                and o.respondent_key = f.respondent_key
                                and o.submitted_at >= :from and o.submitted_at < :to)""")
                .param("ws", workspaceId)
                .param("journey", journeyId)
                .param("touchpoints", touchpointIds)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, i) -> new TouchpointAnswer(rs.getObject("touchpoint_id", UUID.class),
                        rs.getString("respondent_key"), rs.getObject("response_id", UUID.class),
                        Metric.fromValue(rs.getString("metric")).orElseThrow(), rs.getInt("position"),
                        rs.getInt("score")))
                .list();
    }
}
