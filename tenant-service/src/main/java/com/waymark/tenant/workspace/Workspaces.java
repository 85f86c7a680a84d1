package com.waymark.tenant.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.tenant.tenant.Tenants;

/**
 * Workspace rows are tenant-owned: row-level security shows them only under their agency's context
 * (or their own workspace's). The explicit {@code tenant_id} conditions are the first line of defence.
 */
@Repository
public class Workspaces {

    private static final String COLUMNS = "workspace_id, tenant_id, name, slug, industry, created_at, version";

    private final JdbcClient jdbc;

    Workspaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Workspace workspace, @Nullable String organizationId) {
        jdbc.sql("insert into workspace (" + COLUMNS + ", organization_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.id(), workspace.tenantId(), workspace.name(), workspace.slug(), workspace.industry(),
                        Timestamp.from(workspace.createdAt()), workspace.version(), organizationId)
                .update();
    }

    /** Stores the change and bumps the version; returns the workspace as stored. */
    Workspace update(Workspace workspace) {
        jdbc.sql("update workspace set name = ?, slug = ?, industry = ?, version = version + 1 where tenant_id = ? and workspace_id = ?")
                .params(workspace.name(), workspace.slug(), workspace.industry(), workspace.tenantId(), workspace.id())
                .update();
        return find(workspace.tenantId(), workspace.id()).orElseThrow();
    }

    void delete(UUID tenantId, UUID workspaceId) {
        jdbc.sql("delete from workspace where tenant_id = ? and workspace_id = ?").params(tenantId, workspaceId).update();
    }

    /** Deletes every workspace of a deleted agency (their memberships must be gone first). */
    public void deleteAllOf(UUID tenantId) {
        jdbc.sql("delete from workspace where tenant_id = ?").param(tenantId).update();
    }

    /** The workspace, locked until the transaction ends; only when it belongs to the agency. */
    Optional<Workspace> lock(UUID tenantId, UUID workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from workspace where tenant_id = ? and workspace_id = ? for update")
                .params(tenantId, workspaceId).query(Workspaces::map).optional();
    }

    public Optional<Workspace> find(UUID tenantId, UUID workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from workspace where tenant_id = ? and workspace_id = ?")
                .params(tenantId, workspaceId).query(Workspaces::map).optional();
    }

    boolean slugTakenByAnother(UUID tenantId, String slug, UUID workspaceId) {
        return jdbc.sql("select exists (select 1 from workspace where tenant_id = ? and slug = ? and workspace_id <> ?)")
                .params(tenantId, slug, workspaceId).query(Boolean.class).single();
    }

    public Optional<Workspace> find(UUID workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from workspace where workspace_id = ?").param(workspaceId)
                .query(Workspaces::map).optional();
    }

    public long count(UUID tenantId) {
        return jdbc.sql("select count(*) from workspace where tenant_id = ?").param(tenantId).query(Long.class).single();
    }

    boolean slugTaken(UUID tenantId, String slug) {
        return jdbc.sql("select exists (select 1 from workspace where tenant_id = ? and slug = ?)")
                .params(tenantId, slug).query(Boolean.class).single();
    }

    List<Workspace> page(UUID tenantId, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from workspace where tenant_id = ? and workspace_id > ? order by workspace_id limit ?")
                .params(tenantId, after == null ? Tenants.NIL : after, limit).query(Workspaces::map).list();
    }

    /** The workspace's Keycloak organization, once it has one. */
    Optional<String> organizationId(UUID tenantId, UUID workspaceId) {
        return jdbc.sql("select organization_id from workspace where tenant_id = ? and workspace_id = ? and organization_id is not null")
                .params(tenantId, workspaceId).query(String.class).optional();
    }

    /** Records the organization unless another request recorded one first; returns the one recorded. */
    String recordOrganization(UUID tenantId, UUID workspaceId, String organizationId) {
        jdbc.sql("update workspace set organization_id = ? where tenant_id = ? and workspace_id = ? and organization_id is null")
                .params(organizationId, tenantId, workspaceId).update();
        return organizationId(tenantId, workspaceId).orElse(organizationId);
    }

    /** Organizations of all the agency's workspaces that have one (agency deletion). */
    public List<String> organizationIds(UUID tenantId) {
        return jdbc.sql("select organization_id from workspace where tenant_id = ? and organization_id is not null")
                .param(tenantId).query(String.class).list();
    }

    /** Workspaces still without an organization (made before workspaces had one). */
    List<Workspace> withoutOrganization(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from workspace where tenant_id = ? and organization_id is null order by workspace_id")
                .param(tenantId).query(Workspaces::map).list();
    }

    /** All of an agency's workspaces, by name. */
    public List<Workspace> all(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from workspace where tenant_id = ? order by name, workspace_id")
                .param(tenantId).query(Workspaces::map).list();
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(rs.getObject("workspace_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("name"), rs.getString("slug"), rs.getString("industry"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
