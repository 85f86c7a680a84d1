package com.waymark.platform.access;

import java.util.UUID;

/** The caller's agency-level role on a tenant. */
public record TenantAccess(String userId, UUID tenantId, Role role) {
}
