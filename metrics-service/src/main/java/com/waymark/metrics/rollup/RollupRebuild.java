package com.waymark.metrics.rollup;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes all rollups of a workspace from its raw facts, in one transaction: queries see either
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

    @Transactional
    public Rebuilt rebuild(UUID tenantId, UUID workspaceId) {
        RollupWriter.lockExclusive(jdbc, workspaceId);
        jdbc.sql("delete from score_rollup where workspace_id = ?").param(workspaceId).update();
        jdbc.sql("delete from response_rollup where workspace_id = ?").param(workspaceId).update();
        // the same keys as ScoredResponse: UTC day of submission, nil UUID for no touchpoint, trimmed segment
        long scoreRows = jdbc.sql("""
                insert into score_rollup (tenant_id, workspace_id, day, touchpoint_key, segment, metric, score, answers)
                select f.tenant_id, f.workspace_id, (f.submitted_at at time zone 'UTC')::date,
                       coalesce(f.touchpoint_id, '00000000-0000-0000-0000-000000000000'::uuid), f.segment,
                       a.metric, a.score, count(*)
                from response_fact f
                join response_answer a on a.workspace_id = f.workspace_id and a.response_id = f.response_id
                where f.workspace_id = ? and a.score is not null
                group by 1, 2, 3, 4, 5, 6, 7""")
                .param(workspaceId).update();
        long responseRows = jdbc.sql("""
                insert into response_rollup (tenant_id, workspace_id, day, touchpoint_key, segment, responses,
                                             nps_skipped, csat_skipped, ces_skipped)
                select f.tenant_id, f.workspace_id, (f.submitted_at at time zone 'UTC')::date,
                       coalesce(f.touchpoint_id, '00000000-0000-0000-0000-000000000000'::uuid), f.segment,
                       count(*), coalesce(sum(s.nps), 0), coalesce(sum(s.csat), 0), coalesce(sum(s.ces), 0)
                from response_fact f
                cross join lateral (
                    select count(*) filter (where a.metric = 'nps' and a.score is null) as nps,
                           count(*) filter (where a.metric = 'csat' and a.score is null) as csat,
                           count(*) filter (where a.metric = 'ces' and a.score is null) as ces
                    from response_answer a where a.workspace_id = f.workspace_id and a.response_id = f.response_id) s
                where f.workspace_id = ?
                group by 1, 2, 3, 4, 5""")
                .param(workspaceId).update();
        long responses = jdbc.sql("select count(*) from response_fact where workspace_id = ?").param(workspaceId)
                .query(Long.class).single();
        long answers = jdbc.sql("select count(*) from response_answer where workspace_id = ? and score is not null")
                .param(workspaceId).query(Long.class).single();
        changes.publishEvent(new RollupsChanged(tenantId, workspaceId));
        return new Rebuilt(responses, answers, scoreRows, responseRows);
    }
}
