package com.waymark.mapping.journey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.messaging.Uuids;

/** Journey rows. Every query names the workspace; row-level security backs that up. */
@Repository
class Journeys {

    private static final String COLUMNS = """
            id, name, persona_id, state, owner_name, review_every_days, description, last_reviewed_at,
            last_reviewed_at + make_interval(days => review_every_days) as review_due_at,
            last_reviewed_at + make_interval(days => review_every_days) < now() as review_due,
            version, created_at, updated_at""";

    private final JdbcClient jdbc;

    Journeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page by id; {@code reviewDue} true/false keeps only journeys past / not past their review date. */
    List<Journey> list(UUID workspaceId, @Nullable UUID after, int limitPlusOne, @Nullable Boolean reviewDue) {
        return jdbc.sql("select " + COLUMNS + """
                 from journey
                where workspace_id = :workspace
                  and (cast(:after as uuid) is null or id > cast(:after as uuid))
                  and (cast(:due as boolean) is null
                       or (last_reviewed_at + make_interval(days => review_every_days) < now()) = cast(:due as boolean))
                order by id limit :limit""")
                .param("workspace", workspaceId).param("after", after).param("due", reviewDue)
                .param("limit", limitPlusOne)
                .query(Journey.class).list();
    }

    Optional<Journey> find(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select " + COLUMNS + " from journey where workspace_id = ? and id = ?")
                .params(workspaceId, journeyId).query(Journey.class).optional();
    }

    Journey insert(UUID tenantId, UUID workspaceId, JourneyFields fields) {
        return jdbc.sql("""
                insert into journey (tenant_id, workspace_id, id, name, persona_id, state, owner_name, review_every_days, description)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning\s""" + COLUMNS)
                .params(tenantId, workspaceId, Uuids.timeOrdered(), fields.name(), fields.personaId(), fields.state(),
                        fields.ownerName(), fields.reviewEveryDays(), fields.description())
                .query(Journey.class).single();
    }

    Optional<Long> version(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select version from journey where workspace_id = ? and id = ?")
                .params(workspaceId, journeyId).query(Long.class).optional();
    }

    /** Locks the journey for a change to its map; empty when it does not exist (here). */
    Optional<Long> lockVersion(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select version from journey where workspace_id = ? and id = ? for update")
                .params(workspaceId, journeyId).query(Long.class).optional();
    }

    /** Records that the map changed: a new version (ETag) and update time. */
    void touch(UUID workspaceId, UUID journeyId) {
        jdbc.sql("update journey set version = version + 1, updated_at = now() where workspace_id = ? and id = ?")
                .params(workspaceId, journeyId).update();
    }

    void update(UUID workspaceId, UUID journeyId, JourneyFields fields) {
        jdbc.sql("""
                update journey set name = ?, persona_id = ?, state = ?, owner_name = ?, review_every_days = ?, description = ?
                where workspace_id = ? and id = ?""")
                .params(fields.name(), fields.personaId(), fields.state(), fields.ownerName(), fields.reviewEveryDays(),
                        fields.description(), workspaceId, journeyId)
                .update();
    }

    void markReviewed(UUID workspaceId, UUID journeyId) {
        jdbc.sql("update journey set last_reviewed_at = now() where workspace_id = ? and id = ?")
                .params(workspaceId, journeyId).update();
    }

    /** Deletes the journey and, by cascade, its whole map. */
    void delete(UUID workspaceId, UUID journeyId) {
        jdbc.sql("delete from journey where workspace_id = ? and id = ?").params(workspaceId, journeyId).update();
    }
}
