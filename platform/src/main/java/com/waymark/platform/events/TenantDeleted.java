package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.tenant.deleted} v1: every service purges all of the agency's data. */
public record TenantDeleted(UUID tenantId) {
}
