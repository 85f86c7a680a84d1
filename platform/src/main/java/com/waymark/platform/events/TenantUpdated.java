package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.tenant.updated} v1: renamed, re-planned, suspended or reactivated. */
public record TenantUpdated(UUID tenantId, String name, String plan, String status) {
}
