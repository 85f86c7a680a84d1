package com.waymark.platform.test;

import java.util.UUID;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;

/**
 * Object mother for tenants, workspaces and memberships in a service's access model, the state
 * tenant-service events would otherwise have built.
 */
public final class Tenancy {

    private final AccessModel access;

    public Tenancy(AccessModel access) {
        this.access = access;
    }

    public record Workspace(UUID tenantId, UUID workspaceId) {
    }

    /** A fresh active agency with one workspace. */
    public Workspace newWorkspace() {
        UUID tenantId = UUID.randomUUID();
        access.upsertTenant(tenantId, AccessModel.ACTIVE);
        return workspaceIn(tenantId);
    }

    public Workspace workspaceIn(UUID tenantId) {
        UUID workspaceId = UUID.randomUUID();
        access.upsertWorkspace(workspaceId, tenantId);
        return new Workspace(tenantId, workspaceId);
    }

    /** A new user id holding {@code role} in the workspace (or its tenant, for agency roles). */
    public String member(Workspace workspace, Role role) {
        String userId = role.value() + "-" + UUID.randomUUID();
        access.grant(userId, role.tenantWide() ? workspace.tenantId() : workspace.workspaceId(), role);
        return userId;
    }

    public void suspend(UUID tenantId) {
        access.upsertTenant(tenantId, AccessModel.SUSPENDED);
    }
}
