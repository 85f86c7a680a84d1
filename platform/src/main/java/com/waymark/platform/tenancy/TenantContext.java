package com.waymark.platform.tenancy;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The tenant (agency) and, when acting inside one client business, the workspace a unit of work
 * belongs to. Row-level security policies read it from the database session.
 */
public record TenantContext(UUID tenantId, @Nullable UUID workspaceId) {

    public TenantContext {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    public static TenantContext ofTenant(UUID tenantId) {
        return new TenantContext(tenantId, null);
    }

    public static TenantContext ofWorkspace(UUID tenantId, UUID workspaceId) {
        return new TenantContext(tenantId, Objects.requireNonNull(workspaceId, "workspaceId"));
    }
}
