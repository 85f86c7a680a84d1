package com.waymark.metrics.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The names and industries of workspaces; an older event never overwrites a newer state (by
 * {@code occurredAt}). An event without an industry clears it (the events carry the whole state).
 */
@Repository
public class WorkspaceNames {

    /** What the portfolio shows of a workspace besides its scores. */
    public record WorkspaceInfo(String name, @Nullable String industry) {
    }

    private final JdbcClient jdbc;

    WorkspaceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(UUID tenantId, UUID workspaceId, String name, String slug, @Nullable String industry, Instant occurredAt) {
        jdbc.sql("""
                insert into workspace_info (tenant_id, workspace_id, name, slug, industry, changed_at) values (?, ?, ?, ?, ?, ?)
                on conflict (workspace_id) do update
                   set name = excluded.name, slug = excluded.slug, industry = excluded.industry,
                       changed_at = excluded.changed_at
                 where workspace_info.changed_at <= excluded.changed_at""")
                .params(tenantId, workspaceId, name, slug, industryOf(industry), Timestamp.from(occurredAt)).update();
    }

    /** Blank means none; trimmed so that " Retail" and "Retail" are one industry. */
    static @Nullable String industryOf(@Nullable String industry) {
        return industry == null || industry.isBlank() ? null : industry.strip();
    }

    /** Names of the tenant's workspaces (as far as row-level security lets the caller see). */
    public Map<UUID, String> namesOf(UUID tenantId) {
        Map<UUID, String> names = new HashMap<>();
        infoOf(tenantId).forEach((id, info) -> names.put(id, info.name()));
        return names;
    }

    /** Name and industry of the tenant's workspaces (as far as row-level security lets the caller see). */
    public Map<UUID, WorkspaceInfo> infoOf(UUID tenantId) {
        Map<UUID, WorkspaceInfo> info = new HashMap<>();
        jdbc.sql("select workspace_id, name, industry from workspace_info where tenant_id = ?").param(tenantId)
                .query(rs -> {
                    info.put(rs.getObject("workspace_id", UUID.class),
                            new WorkspaceInfo(rs.getString("name"), rs.getString("industry")));
                });
        return info;
    }
}
