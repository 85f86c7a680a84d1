package com.waymark.mapping.journey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stage rows. Positions are unique per journey at commit (a deferred constraint), so moves may overlap in between. */
@Repository
class Stages {

    private final JdbcClient jdbc;

    Stages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stage> ofJourney(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select id, journey_id, name, position from stage where workspace_id = ? and journey_id = ? order by position")
                .params(workspaceId, journeyId).query(Stage.class).list();
    }

    Optional<Stage> find(UUID workspaceId, UUID journeyId, UUID stageId) {
        return jdbc.sql("select id, journey_id, name, position from stage where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, stageId).query(Stage.class).optional();
    }

    boolean exists(UUID workspaceId, UUID journeyId, UUID stageId) {
        return find(workspaceId, journeyId, stageId).isPresent();
    }

    void insert(UUID tenantId, UUID workspaceId, Stage stage) {
        jdbc.sql("insert into stage (tenant_id, workspace_id, id, journey_id, name, position) values (?, ?, ?, ?, ?, ?)")
                .params(tenantId, workspaceId, stage.id(), stage.journeyId(), stage.name(), stage.position()).update();
    }

    void update(UUID workspaceId, Stage stage) {
        jdbc.sql("update stage set name = ?, position = ? where workspace_id = ? and id = ?")
                .params(stage.name(), stage.position(), workspaceId, stage.id()).update();
    }

    /** Deletes the stage and, by cascade, its touchpoints. */
    void delete(UUID workspaceId, UUID stageId) {
        jdbc.sql("delete from stage where workspace_id = ? and id = ?").params(workspaceId, stageId).update();
    }
}
