package com.waymark.mapping.journey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Version rows: the snapshot is kept as JSON text of the map. */
@Repository
class JourneyVersions {

    private static final String COLUMNS = "number, label, created_at, created_by";

    private final JdbcClient jdbc;

    JourneyVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the journey; the caller holds the journey's lock, so numbers never collide. */
    JourneyVersion insert(UUID tenantId, UUID workspaceId, UUID journeyId, String label, String snapshot, String createdBy) {
        return jdbc.sql("""
                insert into journey_version (tenant_id, workspace_id, journey_id, number, label, snapshot, created_by)
                select :tenant, :workspace, :journey, coalesce(max(number), 0) + 1, :label, cast(:snapshot as jsonb), :by
                  from journey_version where workspace_id = :workspace and journey_id = :journey
                returning\s""" + COLUMNS)
                .param("tenant", tenantId).param("workspace", workspaceId).param("journey", journeyId)
                .param("label", label).param("snapshot", snapshot).param("by", createdBy)
                .query(JourneyVersion.class).single();
    }

    /** Newest first. */
    List<JourneyVersion> list(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select " + COLUMNS + " from journey_version where workspace_id = ? and journey_id = ? order by number desc")
                .params(workspaceId, journeyId).query(JourneyVersion.class).list();
    }

    Optional<JourneyVersion> find(UUID workspaceId, UUID journeyId, int number) {
        return jdbc.sql("select " + COLUMNS + " from journey_version where workspace_id = ? and journey_id = ? and number = ?")
                .params(workspaceId, journeyId, number).query(JourneyVersion.class).optional();
    }

    Optional<String> snapshot(UUID workspaceId, UUID journeyId, int number) {
        return jdbc.sql("select snapshot::text from journey_version where workspace_id = ? and journey_id = ? and number = ?")
                .params(workspaceId, journeyId, number).query(String.class).optional();
    }
}
