package com.waymark.mapping.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Touchpoint rows, blueprint lanes as column pairs (text, owning team). */
@Repository
class Touchpoints {

    /** In the order {@link #map} reads them (by index: this is the map read's hot loop). */
    static final String COLUMNS = """
            id, journey_id, stage_id, parent_touchpoint_id, name, channel_id, expected_emotion, owning_team,
            customer_action_text, customer_action_team, frontstage_text, frontstage_team,
            backstage_text, backstage_team, support_text, support_team, position""";

    static final RowMapper<Touchpoint> ROW = Touchpoints::map;

    private final JdbcClient jdbc;

    Touchpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Touchpoint> ofStage(UUID workspaceId, UUID stageId) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and stage_id = ? order by position")
                .params(workspaceId, stageId).query(ROW).list();
    }

    /** The sub-touchpoints of a touchpoint, in stage order. */
    List<Touchpoint> childrenOf(UUID workspaceId, UUID parentId) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and parent_touchpoint_id = ? order by position")
                .params(workspaceId, parentId).query(ROW).list();
    }

    boolean hasChildren(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select exists (select 1 from touchpoint where workspace_id = ? and parent_touchpoint_id = ?)")
                .params(workspaceId, touchpointId).query(Boolean.class).single();
    }

    int countOfJourney(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select count(*) from touchpoint where workspace_id = ? and journey_id = ?")
                .params(workspaceId, journeyId).query(Integer.class).single();
    }

    Optional<Touchpoint> find(UUID workspaceId, UUID journeyId, UUID touchpointId) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, touchpointId).query(ROW).optional();
    }

    void insert(UUID tenantId, UUID workspaceId, Touchpoint touchpoint) {
        jdbc.sql("insert into touchpoint (tenant_id, workspace_id, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenantId, workspaceId, touchpoint.id(), touchpoint.journeyId(), touchpoint.stageId(),
                        touchpoint.parentTouchpointId(), touchpoint.name(), touchpoint.channelId(),
                        touchpoint.expectedEmotion(), touchpoint.owningTeam(),
                        text(touchpoint.customerAction()), team(touchpoint.customerAction()),
                        text(touchpoint.frontstage()), team(touchpoint.frontstage()),
                        text(touchpoint.backstage()), team(touchpoint.backstage()),
                        text(touchpoint.support()), team(touchpoint.support()),
                        touchpoint.position())
                .update();
    }

    void update(UUID workspaceId, Touchpoint touchpoint) {
        jdbc.sql("""
                update touchpoint set stage_id = ?, parent_touchpoint_id = ?, name = ?, channel_id = ?, expected_emotion = ?,
                       owning_team = ?, customer_action_text = ?, customer_action_team = ?, frontstage_text = ?,
                       frontstage_team = ?, backstage_text = ?, backstage_team = ?, support_text = ?, support_team = ?,
                       position = ?
                where workspace_id = ? and id = ?""")
                .params(touchpoint.stageId(), touchpoint.parentTouchpointId(), touchpoint.name(), touchpoint.channelId(),
                        touchpoint.expectedEmotion(), touchpoint.owningTeam(),
                        text(touchpoint.customerAction()), team(touchpoint.customerAction()),
                        text(touchpoint.frontstage()), team(touchpoint.frontstage()),
                        text(touchpoint.backstage()), team(touchpoint.backstage()),
                        text(touchpoint.support()), team(touchpoint.support()),
                        touchpoint.position(), workspaceId, touchpoint.id())
                .update();
    }

    void updatePosition(UUID workspaceId, UUID touchpointId, int position) {
        jdbc.sql("update touchpoint set position = ? where workspace_id = ? and id = ?")
                .params(position, workspaceId, touchpointId).update();
    }

    /** Deletes the touchpoint and, by cascade, its sub-touchpoints. */
    void delete(UUID workspaceId, UUID touchpointId) {
        jdbc.sql("delete from touchpoint where workspace_id = ? and id = ?").params(workspaceId, touchpointId).update();
    }

    /** Columns by index, in {@link #COLUMNS} order. */
    static Touchpoint map(ResultSet rs, int row) throws SQLException {
        return new Touchpoint(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), rs.getInt(7), rs.getString(8),
                Lane.of(rs.getString(9), rs.getString(10)),
                Lane.of(rs.getString(11), rs.getString(12)),
                Lane.of(rs.getString(13), rs.getString(14)),
                Lane.of(rs.getString(15), rs.getString(16)),
                rs.getInt(17));
    }

    private static @Nullable String text(@Nullable Lane lane) {
        return lane == null ? null : lane.text();
    }

    private static @Nullable String team(@Nullable Lane lane) {
        return lane == null ? null : lane.owningTeam();
    }
}
