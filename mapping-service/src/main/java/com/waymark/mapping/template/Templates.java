package com.waymark.mapping.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.messaging.Uuids;

/** Template rows. Every query names the tenant; row-level security (tenant only) backs that up. */
@Repository
class Templates {

    private static final String SUMMARY = "id, name, description, source_workspace_id, source_journey_id, created_at, created_by";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Templates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<TemplateSummary> list(UUID tenantId, @Nullable UUID after, int limitPlusOne) {
        return jdbc.sql("select " + SUMMARY + """
                 from journey_template
                where tenant_id = :tenant and (cast(:after as uuid) is null or id > cast(:after as uuid))
                order by id limit :limit""")
                .param("tenant", tenantId).param("after", after).param("limit", limitPlusOne)
                .query(TemplateSummary.class).list();
    }

    Optional<JourneyTemplate> find(UUID tenantId, UUID id) {
        return jdbc.sql("select " + SUMMARY + ", map::text as map from journey_template where tenant_id = ? and id = ?")
                .params(tenantId, id).query(this::template).optional();
    }

    JourneyTemplate insert(UUID tenantId, TemplateFields fields, String map, String createdBy) {
        return jdbc.sql("""
                insert into journey_template (tenant_id, id, name, description, source_workspace_id, source_journey_id, map, created_by)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                returning\s""" + SUMMARY + ", map::text as map")
                .params(tenantId, Uuids.timeOrdered(), fields.name(), fields.description(), fields.workspaceId(),
                        fields.journeyId(), map, createdBy)
                .query(this::template).single();
    }

    private JourneyTemplate template(ResultSet rs, int row) throws SQLException {
        return new JourneyTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getObject("source_workspace_id", UUID.class), rs.getObject("source_journey_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), json.readTree(rs.getString("map")));
    }
}
