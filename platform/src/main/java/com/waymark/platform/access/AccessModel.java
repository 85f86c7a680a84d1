package com.waymark.platform.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.TenantSuspendedException;

/**
 * Each service's local copy of who may do what: tenant status, workspace → tenant and memberships,
 * fed by {@code tenant.*} events (tenant-service writes it directly). Decisions come from the token
 * subject plus this model, so a suspension or removal takes effect without waiting for tokens to expire.
 * The tables carry no row-level security: they are consulted to establish the tenant context.
 */
public class AccessModel {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    private final JdbcClient jdbc;

    public AccessModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertTenant(UUID tenantId, String status) {
        jdbc.sql("""
                insert into access_tenant (tenant_id, status) values (?, ?)
                on conflict (tenant_id) do update set status = excluded.status, updated_at = now()""")
                .params(tenantId, status).update();
    }

    /** Records status and plan (plan names as in ARCHITECTURE.md: starter, growth, scale). */
    public void upsertTenant(UUID tenantId, String status, @Nullable String plan) {
        jdbc.sql("""
                insert into access_tenant (tenant_id, status, plan) values (?, ?, ?)
                on conflict (tenant_id) do update set status = excluded.status,
                    plan = coalesce(excluded.plan, access_tenant.plan), updated_at = now()""")
                .params(tenantId, status, plan).update();
    }

    /** The agency's plan as last announced by tenant-service, or empty when not known (yet). */
    public Optional<String> findPlan(UUID tenantId) {
        return jdbc.sql("select plan from access_tenant where tenant_id = ? and plan is not null")
                .param(tenantId).query(String.class).optional();
    }

    public void upsertWorkspace(UUID workspaceId, UUID tenantId) {
        jdbc.sql("""
                insert into access_workspace (workspace_id, tenant_id) values (?, ?)
                on conflict (workspace_id) do update set tenant_id = excluded.tenant_id, updated_at = now()""")
                .params(workspaceId, tenantId).update();
    }

    public void grant(String userId, UUID scopeId, Role role) {
        jdbc.sql("""
                insert into access_membership (scope_id, user_id, scope_type, role) values (?, ?, ?, ?)
                on conflict (scope_id, user_id) do update set role = excluded.role, scope_type = excluded.scope_type""")
                .params(scopeId, userId, role.tenantWide() ? "tenant" : "workspace", role.value()).update();
    }

    public void revoke(String userId, UUID scopeId) {
        jdbc.sql("delete from access_membership where scope_id = ? and user_id = ?").params(scopeId, userId).update();
    }

    /** The caller's effective role in a workspace, or empty when they have none (or it does not exist). */
    public Optional<WorkspaceAccess> findWorkspaceAccess(String userId, UUID workspaceId) {
        return jdbc.sql("""
                select w.tenant_id,
                       (select m.role from access_membership m where m.scope_id = w.workspace_id and m.user_id = :user) as workspace_role,
                       (select m.role from access_membership m where m.scope_id = w.tenant_id and m.user_id = :user) as tenant_role
                from access_workspace w where w.workspace_id = :workspace""")
                .param("user", userId).param("workspace", workspaceId)
                .query((rs, i) -> {
                    Role role = effective(rs.getString("workspace_role"), rs.getString("tenant_role"));
                    return role == null ? null
                            : new WorkspaceAccess(userId, rs.getObject("tenant_id", UUID.class), workspaceId, role);
                })
                .optional();
    }

    /**
     * Establishes what the caller may do in a workspace. Unknown workspaces and workspaces the caller
     * has no membership in are both "not found", so ids of other tenants reveal nothing.
     */
    public WorkspaceAccess requireWorkspace(String userId, UUID workspaceId, Permission permission) {
        WorkspaceAccess access = findWorkspaceAccess(userId, workspaceId)
                .orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
        requireActive(access.tenantId());
        if (!access.role().allows(permission)) {
            throw new ForbiddenException("Your role " + access.role().value() + " cannot do this in this workspace");
        }
        return access;
    }

    public TenantAccess requireTenant(String userId, UUID tenantId, Permission permission) {
        Role role = jdbc.sql("select role from access_membership where scope_id = ? and user_id = ? and scope_type = 'tenant'")
                .params(tenantId, userId).query(String.class).optional()
                .flatMap(Role::fromValue)
                .orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        requireActive(tenantId);
        if (!role.allows(permission)) {
            throw new ForbiddenException("Your role " + role.value() + " cannot do this in this agency");
        }
        return new TenantAccess(userId, tenantId, role);
    }

    public Optional<String> tenantStatus(UUID tenantId) {
        return jdbc.sql("select status from access_tenant where tenant_id = ?").param(tenantId).query(String.class).optional();
    }

    /** Workspaces of a tenant (for tenant-wide roles) — used by portfolio-style reads. */
    public List<UUID> workspacesOf(UUID tenantId) {
        return jdbc.sql("select workspace_id from access_workspace where tenant_id = ? order by workspace_id")
                .param(tenantId).query(UUID.class).list();
    }

    private void requireActive(UUID tenantId) {
        if (SUSPENDED.equals(tenantStatus(tenantId).orElse(ACTIVE))) {
            throw new TenantSuspendedException();
        }
    }

    private static @Nullable Role effective(@Nullable String workspaceRole, @Nullable String tenantRole) {
        Role workspace = workspaceRole == null ? null : Role.fromValue(workspaceRole).orElse(null);
        Role tenant = tenantRole == null ? null : Role.fromValue(tenantRole).filter(Role::tenantWide).orElse(null);
        if (workspace == null) {
            return tenant;
        }
        return tenant == null ? workspace : Role.stronger(tenant, workspace);
    }
}
