package com.waymark.tenant.me;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.Role;
import com.waymark.platform.security.CurrentUser;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.me.MeController.Me;
import com.waymark.tenant.me.MeController.TenantRef;
import com.waymark.tenant.me.MeController.WorkspaceRef;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.workspace.Workspace;
import com.waymark.tenant.workspace.Workspaces;

/**
 * Answers "who am I". A user's memberships may span agencies, so they are found in the platform's
 * access model (which has no row-level security: it exists to establish the tenant context); the
 * workspace names are then read with each agency's or workspace's own context, so row-level security
 * still guards the tenant-owned rows.
 */
@Component
class MyAccess {

    private record Scope(UUID scopeId, String scopeType, Role role, @Nullable UUID workspaceTenant) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Workspaces workspaces;

    MyAccess(JdbcClient jdbc, Tenants tenants, Workspaces workspaces) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.workspaces = workspaces;
    }

    Me of(CurrentUser user) {
        List<Scope> scopes = scopesOf(user.userId());
        Map<UUID, WorkspaceRef> reachable = new LinkedHashMap<>();
        Tenant agency = null;
        Role agencyRole = null;
        for (Scope scope : scopes) {
            if (!"tenant".equals(scope.scopeType())) {
                continue;
            }
            Optional<Tenant> tenant = tenants.find(scope.scopeId());
            if (tenant.isEmpty()) {
                continue;
            }
            if (agency == null) {
                agency = tenant.get();
                agencyRole = scope.role();
            }
            List<Workspace> all = TenantContextHolder.callAs(TenantContext.ofTenant(scope.scopeId()),
                    () -> workspaces.all(scope.scopeId()));
            all.forEach(workspace -> reachable.put(workspace.id(), ref(workspace, scope.role())));
        }
        for (Scope scope : scopes) {
            if (!"workspace".equals(scope.scopeType()) || scope.workspaceTenant() == null) {
                continue;
            }
            UUID tenantId = scope.workspaceTenant();
            Optional<Workspace> workspace = TenantContextHolder.callAs(TenantContext.ofWorkspace(tenantId, scope.scopeId()),
                    () -> workspaces.find(scope.scopeId()));
            if (workspace.isEmpty()) {
                continue;
            }
            if (agency == null) {
                agency = tenants.find(tenantId).orElse(null);
            }
            WorkspaceRef held = reachable.get(scope.scopeId());
            if (held == null || rank(scope.role()) > rank(Role.fromValue(held.role()).orElseThrow())) {
                reachable.put(scope.scopeId(), ref(workspace.get(), scope.role()));
            }
        }
        List<WorkspaceRef> sorted = new ArrayList<>(reachable.values());
        sorted.sort(Comparator.comparing(WorkspaceRef::name, String.CASE_INSENSITIVE_ORDER).thenComparing(WorkspaceRef::id));
        TenantRef tenant = agency == null ? null
                : new TenantRef(agency.id(), agency.name(), agency.status(), agencyRole == null ? null : agencyRole.value());
        List<String> roles = user.realmRoles().stream().sorted().toList();
        return new Me(user.userId(), user.username(), user.email(), roles, tenant, sorted);
    }

    private List<Scope> scopesOf(String userId) {
        return jdbc.sql("""
                select m.scope_id, m.scope_type, m.role, w.tenant_id as workspace_tenant
                from access_membership m left join access_workspace w on w.workspace_id = m.scope_id
                where m.user_id = ? order by m.scope_type, m.scope_id""")
                .param(userId)
                .query((rs, i) -> {
                    UUID scopeId = rs.getObject("scope_id", UUID.class);
                    String scopeType = rs.getString("scope_type");
                    UUID workspaceTenant = rs.getObject("workspace_tenant", UUID.class);
                    return Role.fromValue(rs.getString("role"))
                            .map(role -> new Scope(scopeId, scopeType, role, workspaceTenant));
                })
                .list().stream().flatMap(Optional::stream).toList();
    }

    private static WorkspaceRef ref(Workspace workspace, Role role) {
        return new WorkspaceRef(workspace.id(), workspace.name(), role.value());
    }

    private static int rank(Role role) {
        return role.allows(Permission.ADMIN) ? 2 : role.allows(Permission.WRITE) ? 1 : 0;
    }
}
