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

    private static final String COLUMNS = """
            id, journey_id, stage_id, name, channel_id, expected_emotion, owning_team,
            customer_action_text, customer_action_team, frontstage_text, frontstage_team,
            backstage_text, backstage_team, support_text, support_team, position""";

    private static final RowMapper<Touchpoint> ROW = Touchpoints::map;

    private final JdbcClient jdbc;

    Touchpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All touchpoints of a journey, by position within their stage. */
    List<Touchpoint> ofJourney(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and journey_id = ? order by stage_id, position")
                .params(workspaceId, journeyId).query(ROW).list();
    }

    List<Touchpoint> ofStage(UUID workspaceId, UUID stageId) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and stage_id = ? order by position")
                .params(workspaceId, stageId).query(ROW).list();
    }

    Optional<Touchpoint> find(UUID workspaceId, UUID journeyId, UUID touchpointId) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, touchpointId).query(ROW).optional();
    }

    void insert(UUID tenantId, UUID workspaceId, Touchpoint touchpoint) {
        jdbc.sql("insert into touchpoint (tenant_id, workspace_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenantId, workspaceId, touchpoint.id(), touchpoint.journeyId(), touchpoint.stageId(),
                        touchpoint.name(), touchpoint.channelId(), touchpoint.expectedEmotion(), touchpoint.owningTeam(),
                        text(touchpoint.customerAction()), team(touchpoint.customerAction()),
                        text(touchpoint.frontstage()), team(touchpoint.frontstage()),
                        text(touchpoint.backstage()), team(touchpoint.backstage()),
                        text(touchpoint.support()), team(touchpoint.support()),
                        touchpoint.position())
                .update();
    }

    void update(UUID workspaceId, Touchpoint touchpoint) {
        jdbc.sql("""
                update touchpoint set stage_id = ?, name = ?, channel_id = ?, expected_emotion = ?, owning_team = ?,
                       customer_action_text = ?, customer_action_team = ?, frontstage_text = ?, frontstage_team = ?,
                       backstage_text = ?, backstage_team = ?, support_text = ?, support_team = ?, position = ?
                where workspace_id = ? and id = ?""")
                .params(touchpoint.stageId(), touchpoint.name(), touchpoint.channelId(), touchpoint.expectedEmotion(),
                        touchpoint.owningTeam(),
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

    void delete(UUID workspaceId, UUID touchpointId) {
        jdbc.sql("delete from touchpoint where workspace_id = ? and id = ?").params(workspaceId, touchpointId).update();
    }

    private static Touchpoint map(ResultSet rs, int row) throws SQLException {
        return new Touchpoint(rs.getObject("id", UUID.class), rs.getObject("journey_id", UUID.class),
                rs.getObject("stage_id", UUID.class), rs.getString("name"), rs.getObject("channel_id", UUID.class),
                rs.getInt("expected_emotion"), rs.getString("owning_team"),
                Lane.of(rs.getString("customer_action_text"), rs.getString("customer_action_team")),
                Lane.of(rs.getString("frontstage_text"), rs.getString("frontstage_team")),
                Lane.of(rs.getString("backstage_text"), rs.getString("backstage_team")),
                Lane.of(rs.getString("support_text"), rs.getString("support_team")),
                rs.getInt("position"));
    }

    private static @Nullable String text(@Nullable Lane lane) {
        return lane == null ? null : lane.text();
    }

    private static @Nullable String team(@Nullable Lane lane) {
        return lane == null ? null : lane.owningTeam();
    }
}
