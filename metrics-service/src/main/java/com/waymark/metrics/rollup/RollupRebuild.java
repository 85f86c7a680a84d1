package com.waymark.metrics.rollup;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes all rollups (day, week, month) of a workspace from its raw facts, in one transaction: queries see either
 * the old rollups or the new ones, never a mix. Takes the workspace's rollup lock exclusively, so no
 * increment or erasure interleaves. The result is what the incremental path would have produced.
 */
@Service
public class RollupRebuild {

    /** What a rebuild wrote. */
    public record Rebuilt(long responses, long answers, long scoreRows, long responseRows) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher changes;

    RollupRebuild(JdbcClient jdbc, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Also called when the workspace's time zone changes, inside that transaction (after the new zone is
     * written), so the rollups are never keyed by another zone than the one in the settings.
     */
    @Transactional
    public Rebuilt rebuild(UUID tenantId, UUID workspaceId) {
        RollupWriter.lockExclusive(jdbc, workspaceId);
        jdbc.sql("delete from score_rollup where workspace_id = ?").param(workspaceId).update();
        jdbc.sql("delete from response_rollup where workspace_id = ?").param(workspaceId).update();
        String zone = jdbc.sql("select coalesce((select time_zone from metric_settings where workspace_id = ?), 'UTC')")
                .param(workspaceId).query(String.class).single();
        // the same keys as ScoredResponse: local day of submission in the workspace's zone, nil UUID for no
        // touchpoint, the journey for a journey-level response, trimmed segment
        long scoreRows = jdbc.sql("""
                insert into score_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, metric,
                                          score, answers)
                select f.tenant_id, f.workspace_id, 'day', (f.submitted_at at time zone :zone)::date,
                       coalesce(f.touchpoint_id, '00000000-0000-0000-0000-000000000000'::uuid),
                       case when f.touchpoint_id is null
                            then coalesce(f.journey_id, '00000000-0000-0000-0000-000000000000'::uuid)
                            else '00000000-0000-0000-0000-000000000000'::uuid end,
                       f.segment, a.metric, a.score, count(*)
                from response_fact f
                join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
                where f.workspace_id = :ws and a.score is not null
                group by 1, 2, 3, 4, 5, 6, 7, 8, 9""")
                .param("zone", zone).param("ws", workspaceId).update();
        long responseRows = jdbc.sql("""
                insert into response_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment,
                                             responses, nps_skipped, csat_skipped, ces_skipped)
                select f.tenant_id, f.workspace_id, 'day', (f.submitted_at at time zone :zone)::date,
                       coalesce(f.touchpoint_id, '00000000-0000-0000-0000-000000000000'::uuid),
                       case when f.touchpoint_id is null
                            then coalesce(f.journey_id, '00000000-0000-0000-0000-000000000000'::uuid)
                            else '00000000-0000-0000-0000-000000000000'::uuid end,
                       f.segment, count(*), coalesce(sum(s.nps), 0), coalesce(sum(s.csat), 0), coalesce(sum(s.ces), 0)
                from response_fact f
                left join (
                    select a.response_id,
                           count(*) filter (where a.metric = 'nps') as nps,
                           count(*) filter (where a.metric = 'csat') as csat,
                           count(*) filter (where a.metric = 'ces') as ces
                    from response_answer a where a.workspace_id = :ws and a.score is null
                    group by a.response_id) s on s.response_id = f.response_id
                where f.workspace_id = :ws
                group by 1, 2, 3, 4, 5, 6, 7""")
                .param("zone", zone).param("ws", workspaceId).update();
        // weeks and months are sums of their days
        scoreRows += jdbc.sql("""
                insert into score_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment, metric,
                                          score, answers)
                select tenant_id, workspace_id, g.grain, date_trunc(g.grain, day::timestamp)::date, touchpoint_key,
                       journey_key, segment, metric, score, sum(answers)
                from score_rollup cross join (values ('week'), ('month')) g (grain)
                where workspace_id = ? and score_rollup.grain = 'day'
                group by 1, 2, 3, 4, 5, 6, 7, 8, 9""")
                .param(workspaceId).update();
        responseRows += jdbc.sql("""
                insert into response_rollup (tenant_id, workspace_id, grain, day, touchpoint_key, journey_key, segment,
                                             responses, nps_skipped, csat_skipped, ces_skipped)
                select tenant_id, workspace_id, g.grain, date_trunc(g.grain, day::timestamp)::date, touchpoint_key,
                       journey_key, segment, sum(responses), sum(nps_skipped), sum(csat_skipped), sum(ces_skipped)
                from response_rollup cross join (values ('week'), ('month')) g (grain)
                where workspace_id = ? and response_rollup.grain = 'day'
                group by 1, 2, 3, 4, 5, 6, 7""")
                .param(workspaceId).update();
        long responses = jdbc.sql("select count(*) from response_fact where workspace_id = ?").param(workspaceId)
                .query(Long.class).single();
        long answers = jdbc.sql("select count(*) from response_answer where workspace_id = ? and score is not null")
                .param(workspaceId).query(Long.class).single();
        changes.publishEvent(new RollupsChanged(tenantId, workspaceId));
        return new Rebuilt(responses, answers, scoreRows, responseRows);
    }
}
