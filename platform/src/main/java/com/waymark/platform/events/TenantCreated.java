package com.waymark.platform.events;

import java.util.UUID;

/** {@code tenant.tenant.created} v1: a new agency exists. */
public record TenantCreated(UUID tenantId, String name, String slug, String plan, String status) {
}
