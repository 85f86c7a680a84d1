package com.waymark.feedback.touchpoint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.events.TouchpointChanged;

/**
 * The local read model of mapping-service's touchpoints. Reads and writes run under the caller's
 * tenant context, so row-level security keeps other workspaces' touchpoints invisible.
 */
@Repository
public class Touchpoints {

    private final JdbcClient jdbc;

    Touchpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies a change unless a newer one was applied already (events may arrive out of order). */
    public void apply(UUID tenantId, UUID workspaceId, TouchpointChanged changed, Instant occurredAt) {
        jdbc.sql("""
                insert into touchpoint (tenant_id, workspace_id, id, journey_id, stage_id, name, channel_id, changed_at)
                values (:tenant, :workspace, :id, :journey, :stage, :name, :channel, :changedAt)
                on conflict (workspace_id, id) do update
                    set journey_id = excluded.journey_id, stage_id = excluded.stage_id, name = excluded.name,
                        channel_id = excluded.channel_id, changed_at = excluded.changed_at
                    where touchpoint.changed_at <= excluded.changed_at""")
                .param("tenant", tenantId)
                .param("workspace", workspaceId)
                .param("id", changed.touchpointId())
                .param("journey", changed.journeyId())
                .param("stage", changed.stageId())
                .param("name", changed.name())
                .param("channel", changed.channelId())
                .param("changedAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .update();
    }

    /** Whether the touchpoint is known in this workspace (and visible in the current tenant context). */
    public boolean existsIn(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select exists (select 1 from touchpoint where workspace_id = ? and id = ?)")
                .params(workspaceId, touchpointId).query(Boolean.class).single();
    }
}
