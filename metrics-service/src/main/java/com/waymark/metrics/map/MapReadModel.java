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
import com.waymark.platform.events.StageChanged;
import com.waymark.platform.events.TouchpointChanged;

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
                insert into map_stage (tenant_id, workspace_id, stage_id, journey_id, name, position, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, stage_id) do update
                   set journey_id = excluded.journey_id, name = excluded.name, position = excluded.position,
                       changed_at = excluded.changed_at
                 where map_stage.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, stage.stageId(), stage.journeyId(), stage.name(), stage.position(),
                        Timestamp.from(occurredAt))
                .update();
    }

    void touchpointChanged(UUID tenantId, UUID workspaceId, TouchpointChanged touchpoint, Instant occurredAt) {
        jdbc.sql("""
                insert into map_touchpoint (tenant_id, workspace_id, touchpoint_id, journey_id, stage_id, name, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, touchpoint_id) do update
                   set journey_id = excluded.journey_id, stage_id = excluded.stage_id, name = excluded.name,
                       changed_at = excluded.changed_at
                 where map_touchpoint.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, touchpoint.touchpointId(), touchpoint.journeyId(), touchpoint.stageId(),
                        touchpoint.name(), Timestamp.from(occurredAt))
                .update();
    }

    /** The workspace's whole map, as far as it is known. */
    public WorkspaceMap load(UUID workspaceId) {
        List<MapJourney> journeys = jdbc.sql("""
                select journey_id, name from map_journey where workspace_id = ? order by name, journey_id""")
                .param(workspaceId)
                .query((rs, i) -> new MapJourney(rs.getObject("journey_id", UUID.class), rs.getString("name")))
                .list();
        List<MapStage> stages = jdbc.sql("""
                select stage_id, journey_id, name, position from map_stage where workspace_id = ?
                order by journey_id, position, name, stage_id""")
                .param(workspaceId)
                .query((rs, i) -> new MapStage(rs.getObject("stage_id", UUID.class), rs.getObject("journey_id", UUID.class),
                        rs.getString("name"), rs.getInt("position")))
                .list();
        List<MapTouchpoint> touchpoints = jdbc.sql("""
                select touchpoint_id, stage_id, journey_id, name from map_touchpoint where workspace_id = ?
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
                select exists (select 1 from map_journey where workspace_id = :ws and journey_id = :id)
                    or exists (select 1 from map_stage where workspace_id = :ws and journey_id = :id)
                    or exists (select 1 from map_touchpoint where workspace_id = :ws and journey_id = :id)""")
                .param("ws", workspaceId).param("id", journeyId)
                .query(Boolean.class).single();
    }

    public boolean touchpointKnown(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select exists (select 1 from map_touchpoint where workspace_id = ? and touchpoint_id = ?)")
                .params(workspaceId, touchpointId).query(Boolean.class).single();
    }

    /** The touchpoints currently placed in a journey. */
    public List<UUID> touchpointsOf(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select touchpoint_id from map_touchpoint where workspace_id = ? and journey_id = ?")
                .params(workspaceId, journeyId).query(UUID.class).list();
    }
}
