package com.waymark.metrics.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The names of workspaces; an older event never overwrites a newer name (by {@code occurredAt}). */
@Repository
public class WorkspaceNames {

    private final JdbcClient jdbc;

    WorkspaceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(UUID tenantId, UUID workspaceId, String name, String slug, Instant occurredAt) {
        jdbc.sql("""
                insert into workspace_info (tenant_id, workspace_id, name, slug, changed_at) values (?, ?, ?, ?, ?)
                on conflict (workspace_id) do update
                   set name = excluded.name, slug = excluded.slug, changed_at = excluded.changed_at
                 where workspace_info.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, name, slug, Timestamp.from(occurredAt)).update();
    }

    /** Names of the tenant's workspaces (as far as row-level security lets the caller see). */
    public Map<UUID, String> namesOf(UUID tenantId) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select workspace_id, name from workspace_info where tenant_id = ?").param(tenantId)
                .query(rs -> {
                    names.put(rs.getObject("workspace_id", UUID.class), rs.getString("name"));
                });
        return names;
    }
}
