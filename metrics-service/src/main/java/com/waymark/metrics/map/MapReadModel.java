package com.waymark.metrics.map;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.metrics.map.WorkspaceMap.MapJourney;
import com.waymark.metrics.map.WorkspaceMap.MapStage;
import com.waymark.metrics.map.WorkspaceMap.MapTouchpoint;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.StageChanged;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.events.TouchpointDeleted;

/**
 * Journeys, stages and touchpoints as mapping-service last described them. An event older than what
 * is stored (by {@code occurredAt}) changes nothing, so a late redelivery cannot undo a rename.
 * Row-level security scopes every read to the current workspace; queries name it too, for the index.
 */
@Repository
public class MapReadModel {

    private final JdbcClient jdbc;

    MapReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void journeyChanged(UUID tenantId, UUID workspaceId, JourneyChanged journey, Instant occurredAt) {
        jdbc.sql("""
                insert into map_journey (tenant_id, workspace_id, journey_id, name, state, changed_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, journey_id) do update
                   set name = excluded.name, state = excluded.state, changed_at = excluded.changed_at
                 where map_journey.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, journey.journeyId(), journey.name(), journey.state(),
                        Timestamp.from(occurredAt))
                .update();
    }

    void stageChanged(UUID tenantId, UUID workspaceId, StageChanged stage, Instant occurredAt) {
        jdbc.sql("""
                insert into map_stage (tenant_id, workspace_id, stage_id, journey_id, name, position, changed_at, deleted_at)
                values (?, ?, ?, ?, ?, ?, ?, (select j.deleted_at from map_journey j
                                             where j.workspace_id = ? and j.journey_id = ?))
                on conflict (workspace_id, stage_id) do update
                   set journey_id = excluded.journey_id, name = excluded.name, position = excluded.position,
                       changed_at = excluded.changed_at
                 where map_stage.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, stage.stageId(), stage.journeyId(), stage.name(), stage.position(),
                        Timestamp.from(occurredAt), workspaceId, stage.journeyId())
                .update();
    }

    void touchpointChanged(UUID tenantId, UUID workspaceId, TouchpointChanged touchpoint, Instant occurredAt) {
        jdbc.sql("""
                insert into map_touchpoint (tenant_id, workspace_id, touchpoint_id, journey_id, stage_id, name, changed_at,
                                            deleted_at)
                values (?, ?, ?, ?, ?, ?, ?, coalesce(
                        (select j.deleted_at from map_journey j where j.workspace_id = ? and j.journey_id = ?),
                        (select s.deleted_at from map_stage s where s.workspace_id = ? and s.stage_id = ?)))
                on conflict (workspace_id, touchpoint_id) do update
                   set journey_id = excluded.journey_id, stage_id = excluded.stage_id, name = excluded.name,
                       changed_at = excluded.changed_at
                 where map_touchpoint.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, touchpoint.touchpointId(), touchpoint.journeyId(), touchpoint.stageId(),
                        touchpoint.name(), Timestamp.from(occurredAt), workspaceId, touchpoint.journeyId(), workspaceId,
                        touchpoint.stageId())
                .update();
    }

    /** The workspace's whole map, as far as it is known. */
    public WorkspaceMap load(UUID workspaceId) {
        List<MapJourney> journeys = jdbc.sql("""
                select journey_id, name from map_journey where workspace_id = ? and deleted_at is null order by name, journey_id""")
                .param(workspaceId)
                .query((rs, i) -> new MapJourney(rs.getObject("journey_id", UUID.class), rs.getString("name")))
                .list();
        List<MapStage> stages = jdbc.sql("""
                select stage_id, journey_id, name, position from map_stage where workspace_id = ? and deleted_at is null
                order by journey_id, position, name, stage_id""")
                .param(workspaceId)
                .query((rs, i) -> new MapStage(rs.getObject("stage_id", UUID.class), rs.getObject("journey_id", UUID.class),
                        rs.getString("name"), rs.getInt("position")))
                .list();
        List<MapTouchpoint> touchpoints = jdbc.sql("""
                select touchpoint_id, stage_id, journey_id, name from map_touchpoint where workspace_id = ? and deleted_at is null
                order by name, touchpoint_id""")
                .param(workspaceId)
                .query((rs, i) -> new MapTouchpoint(rs.getObject("touchpoint_id", UUID.class),
                        rs.getObject("stage_id", UUID.class), rs.getObject("journey_id", UUID.class), rs.getString("name")))
                .list();
        return new WorkspaceMap(journeys, stages, touchpoints);
    }

    /** Whether the journey is known in the workspace, by its own event or through its stages or touchpoints. */
    public boolean journeyKnown(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("""
                select exists (select 1 from map_journey where workspace_id = :ws and journey_id = :id
                                  and deleted_at is null)
                    or exists (select 1 from map_stage where workspace_id = :ws and journey_id = :id
                                  and deleted_at is null)
                    or exists (select 1 from map_touchpoint where workspace_id = :ws and journey_id = :id
                                  and deleted_at is null)""")
                .param("ws", workspaceId).param("id", journeyId)
                .query(Boolean.class).single();
    }

    public boolean touchpointKnown(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select exists (select 1 from map_touchpoint where workspace_id = ? and touchpoint_id = ? and deleted_at is null)")
                .params(workspaceId, touchpointId).query(Boolean.class).single();
    }

    /** The touchpoints currently placed in a journey. */
    public List<UUID> touchpointsOf(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select touchpoint_id from map_touchpoint where workspace_id = ? and journey_id = ? and deleted_at is null")
                .params(workspaceId, journeyId).query(UUID.class).list();
    }

    /** A deleted journey takes its stages and touchpoints out of the map; answers given there stay. */
    void journeyDeleted(UUID tenantId, UUID workspaceId, JourneyDeleted journey, Instant occurredAt) {
        Timestamp at = Timestamp.from(occurredAt);
        jdbc.sql("""
                insert into map_journey (tenant_id, workspace_id, journey_id, name, state, changed_at, deleted_at)
                values (?, ?, ?, '', null, ?, ?)
                on conflict (workspace_id, journey_id) do update
                   set deleted_at = coalesce(map_journey.deleted_at, excluded.deleted_at)""")
                .params(tenantId, workspaceId, journey.journeyId(), at, at).update();
        jdbc.sql("update map_stage set deleted_at = ? where workspace_id = ? and journey_id = ? and deleted_at is null")
                .params(at, workspaceId, journey.journeyId()).update();
        jdbc.sql("update map_touchpoint set deleted_at = ? where workspace_id = ? and journey_id = ? and deleted_at is null")
                .params(at, workspaceId, journey.journeyId()).update();
    }

    /** A deleted stage takes its touchpoints out of the map. */
    void stageDeleted(UUID tenantId, UUID workspaceId, StageDeleted stage, Instant occurredAt) {
        Timestamp at = Timestamp.from(occurredAt);
        jdbc.sql("""
                insert into map_stage (tenant_id, workspace_id, stage_id, journey_id, name, position, changed_at, deleted_at)
                values (?, ?, ?, ?, '', 0, ?, ?)
                on conflict (workspace_id, stage_id) do update
                   set deleted_at = coalesce(map_stage.deleted_at, excluded.deleted_at)""")
                .params(tenantId, workspaceId, stage.stageId(), stage.journeyId(), at, at).update();
        jdbc.sql("update map_touchpoint set deleted_at = ? where workspace_id = ? and stage_id = ? and deleted_at is null")
                .params(at, workspaceId, stage.stageId()).update();
    }

    void touchpointDeleted(UUID tenantId, UUID workspaceId, TouchpointDeleted touchpoint, Instant occurredAt) {
        Timestamp at = Timestamp.from(occurredAt);
        jdbc.sql("""
                insert into map_touchpoint (tenant_id, workspace_id, touchpoint_id, journey_id, stage_id, name, changed_at,
                                            deleted_at)
                values (?, ?, ?, ?, ?, '', ?, ?)
                on conflict (workspace_id, touchpoint_id) do update
                   set deleted_at = coalesce(map_touchpoint.deleted_at, excluded.deleted_at)""")
                .params(tenantId, workspaceId, touchpoint.touchpointId(), touchpoint.journeyId(), touchpoint.stageId(), at,
                        at).update();
    }

    public boolean stageKnown(UUID workspaceId, UUID stageId) {
        return jdbc.sql("select exists (select 1 from map_stage where workspace_id = ? and stage_id = ? and deleted_at is null)"
                + " or exists (select 1 from map_touchpoint where workspace_id = ? and stage_id = ? and deleted_at is null)")
                .params(workspaceId, stageId, workspaceId, stageId).query(Boolean.class).single();
    }

    /** The touchpoints currently placed in a stage. */
    public List<UUID> touchpointsOfStage(UUID workspaceId, UUID stageId) {
        return jdbc.sql("select touchpoint_id from map_touchpoint where workspace_id = ? and stage_id = ? and deleted_at is null")
                .params(workspaceId, stageId).query(UUID.class).list();
    }
}
