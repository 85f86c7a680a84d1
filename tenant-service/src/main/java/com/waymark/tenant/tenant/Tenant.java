package com.waymark.tenant.tenant;

import java.time.Instant;
import java.util.UUID;
import com.waymark.platform.access.AccessModel;

/**
 * An agency.
 *
 * @param status         {@code active} or {@code suspended} (the access model's values), or {@code deleting}
 *                       once deleted (then name and slug are placeholders derived from the id)
 * @param organizationId its Keycloak organization
 * @param version        bumped by every change: the ETag
 */
public record Tenant(UUID id, String name, String slug, Plan plan, String status, String organizationId,
        Instant createdAt, int version) {

    public static final String DELETING = "deleting";

    public boolean deleting() {
        return DELETING.equals(status);
    }

    public boolean suspended() {
        return AccessModel.SUSPENDED.equals(status);
    }

    public Tenant withName(String newName) {
        return new Tenant(id, newName, slug, plan, status, organizationId, createdAt, version);
    }

    public Tenant withPlan(Plan newPlan) {
        return new Tenant(id, name, slug, newPlan, status, organizationId, createdAt, version);
    }

    public Tenant withStatus(String newStatus) {
        return new Tenant(id, name, slug, plan, newStatus, organizationId, createdAt, version);
    }
}
