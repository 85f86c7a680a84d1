package com.waymark.feedback.touchpoint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.events.JourneyChanged;
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

    /**
     * Applies a change unless a newer one was applied already, or the touchpoint, its stage or its
     * journey was deleted (events may arrive out of order).
     */
    public void apply(UUID tenantId, UUID workspaceId, TouchpointChanged changed, Instant occurredAt) {
        // parameters cast: in a select list PostgreSQL would take an untyped null for text
        jdbc.sql("""
                insert into touchpoint (tenant_id, workspace_id, id, journey_id, stage_id, name, channel_id, changed_at)
                select cast(:tenant as uuid), cast(:workspace as uuid), cast(:id as uuid), cast(:journey as uuid),
                       cast(:stage as uuid), cast(:name as text), cast(:channel as uuid), cast(:changedAt as timestamptz)
                where not exists (select 1 from mapping_tombstone
                                  where workspace_id = :workspace and id in (:id, :journey, :stage))
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

    /**
     * mapping.journey.changed: the journey can be surveyed as a whole (journey-level survey), even
     * before it has touchpoints. Ignored once the journey was deleted; an older change changes nothing.
     */
    public void applyJourney(UUID tenantId, UUID workspaceId, JourneyChanged changed, Instant occurredAt) {
        jdbc.sql("""
                insert into journey (tenant_id, workspace_id, id, name, changed_at)
                select cast(:tenant as uuid), cast(:workspace as uuid), cast(:id as uuid), cast(:name as text),
                       cast(:changedAt as timestamptz)
                where not exists (select 1 from mapping_tombstone where workspace_id = :workspace and id = :id)
                on conflict (workspace_id, id) do update
                    set name = excluded.name, changed_at = excluded.changed_at
                    where journey.changed_at <= excluded.changed_at""")
                .param("tenant", tenantId)
                .param("workspace", workspaceId)
                .param("id", changed.journeyId())
                .param("name", changed.name())
                .param("changedAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .update();
    }

    /** mapping.touchpoint.deleted: the touchpoint can no longer be surveyed. */
    void deleteTouchpoint(UUID tenantId, UUID workspaceId, UUID touchpointId, Instant occurredAt) {
        tombstone(tenantId, workspaceId, touchpointId, "touchpoint", occurredAt);
        jdbc.sql("delete from touchpoint where workspace_id = ? and id = ?").params(workspaceId, touchpointId).update();
    }

    /** mapping.stage.deleted: with all its touchpoints. */
    void deleteStage(UUID tenantId, UUID workspaceId, UUID stageId, Instant occurredAt) {
        tombstone(tenantId, workspaceId, stageId, "stage", occurredAt);
        jdbc.sql("delete from touchpoint where workspace_id = ? and stage_id = ?").params(workspaceId, stageId).update();
    }

    /** mapping.journey.deleted: with all its stages and touchpoints. */
    void deleteJourney(UUID tenantId, UUID workspaceId, UUID journeyId, Instant occurredAt) {
        tombstone(tenantId, workspaceId, journeyId, "journey", occurredAt);
        jdbc.sql("delete from touchpoint where workspace_id = ? and journey_id = ?").params(workspaceId, journeyId).update();
        jdbc.sql("delete from journey where workspace_id = ? and id = ?").params(workspaceId, journeyId).update();
    }

    private void tombstone(UUID tenantId, UUID workspaceId, UUID id, String kind, Instant occurredAt) {
        jdbc.sql("""
                insert into mapping_tombstone (tenant_id, workspace_id, id, kind, deleted_at) values (?, ?, ?, ?, ?)
                on conflict (workspace_id, id) do nothing""")
                .params(tenantId, workspaceId, id, kind, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC)).update();
    }

    /**
     * Whether the journey is known in this workspace: announced itself, or through one of its
     * touchpoints (both leave on mapping.journey.deleted).
     */
    public boolean journeyExistsIn(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("""
                select exists (select 1 from journey where workspace_id = :workspace and id = :journey)
                    or exists (select 1 from touchpoint where workspace_id = :workspace and journey_id = :journey)""")
                .param("workspace", workspaceId).param("journey", journeyId).query(Boolean.class).single();
    }

    /** The journey a touchpoint of this workspace belongs to, if the touchpoint is known. */
    public java.util.Optional<UUID> journeyOf(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select journey_id from touchpoint where workspace_id = ? and id = ?")
                .params(workspaceId, touchpointId).query(UUID.class).optional();
    }

    /** Whether the touchpoint is known in this workspace (and visible in the current tenant context). */
    public boolean existsIn(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select exists (select 1 from touchpoint where workspace_id = ? and id = ?)")
                .params(workspaceId, touchpointId).query(Boolean.class).single();
    }
}
