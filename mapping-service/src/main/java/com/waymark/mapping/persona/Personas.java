package com.waymark.mapping.persona;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.messaging.Uuids;

/** The personas of a workspace. Other features only ask whether a persona exists. */
@Repository
public class Personas {

    private static final String COLUMNS = "id, name, description, created_at, updated_at";

    private final JdbcClient jdbc;

    Personas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code personaId} is a persona of {@code workspaceId} (another workspace's is not). */
    public boolean exists(UUID workspaceId, UUID personaId) {
        return jdbc.sql("select exists (select 1 from persona where workspace_id = ? and id = ?)")
                .params(workspaceId, personaId).query(Boolean.class).single();
    }

    List<Persona> list(UUID workspaceId, @Nullable UUID after, int limitPlusOne) {
        return jdbc.sql("select " + COLUMNS + """
                 from persona
                where workspace_id = :workspace and (cast(:after as uuid) is null or id > cast(:after as uuid))
                order by id limit :limit""")
                .param("workspace", workspaceId).param("after", after).param("limit", limitPlusOne)
                .query(Persona.class).list();
    }

    Optional<Persona> find(UUID workspaceId, UUID personaId) {
        return jdbc.sql("select " + COLUMNS + " from persona where workspace_id = ? and id = ?")
                .params(workspaceId, personaId).query(Persona.class).optional();
    }

    Persona insert(UUID tenantId, UUID workspaceId, PersonaFields fields) {
        return jdbc.sql("insert into persona (tenant_id, workspace_id, id, name, description) values (?, ?, ?, ?, ?) returning "
                + COLUMNS)
                .params(tenantId, workspaceId, Uuids.timeOrdered(), fields.name(), fields.description())
                .query(Persona.class).single();
    }

    Optional<Persona> update(UUID workspaceId, UUID personaId, PersonaFields fields) {
        return jdbc.sql("update persona set name = ?, description = ?, updated_at = now() where workspace_id = ? and id = ? returning "
                + COLUMNS)
                .params(fields.name(), fields.description(), workspaceId, personaId)
                .query(Persona.class).optional();
    }

    /** Journeys about this persona keep existing, without a persona. */
    boolean delete(UUID workspaceId, UUID personaId) {
        return jdbc.sql("delete from persona where workspace_id = ? and id = ?").params(workspaceId, personaId).update() == 1;
    }
}
