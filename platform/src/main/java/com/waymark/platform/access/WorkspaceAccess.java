package com.waymark.platform.access;

import java.util.UUID;
import com.waymark.platform.tenancy.TenantContext;

/** The caller's effective role in one workspace; a controller parameter of this type is resolved for it. */
public record WorkspaceAccess(String userId, UUID tenantId, UUID workspaceId, Role role) {

    public TenantContext tenantContext() {
        return TenantContext.ofWorkspace(tenantId, workspaceId);
    }
}
