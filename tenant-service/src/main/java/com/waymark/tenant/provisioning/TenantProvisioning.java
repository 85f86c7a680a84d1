package com.waymark.tenant.provisioning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TenantCreated;
import com.waymark.platform.events.TenantUpdated;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.keycloak.IdentityDirectory;
import com.waymark.tenant.keycloak.OrganizationMember;
import com.waymark.tenant.membership.MemberProfile;
import com.waymark.tenant.membership.Memberships;
import com.waymark.tenant.provisioning.TenantRequests.AgencyAdmin;
import com.waymark.tenant.provisioning.TenantRequests.CreatedTenant;
import com.waymark.tenant.provisioning.TenantRequests.NewTenant;
import com.waymark.tenant.provisioning.TenantRequests.TenantChange;
import com.waymark.tenant.provisioning.TenantRequests.TenantDetail;
import com.waymark.tenant.provisioning.TenantRequests.Usage;
import com.waymark.tenant.tenant.Plan;
import com.waymark.tenant.tenant.Quota;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.web.ETags;
import com.waymark.tenant.workspace.Workspaces;

/**
 * The platform admin's side of agencies. Creating one: Keycloak organization and first agency admin
 * first, then one transaction with the tenant row, the access model, the membership and the events;
 * when that transaction fails, what was created in Keycloak is deleted again.
 */
@Service
class TenantProvisioning {

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final IdentityDirectory directory;
    private final AccessModel access;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    TenantProvisioning(Tenants tenants, Workspaces workspaces, Memberships memberships, IdentityDirectory directory,
            AccessModel access, Outbox outbox, TransactionTemplate transactions, AuditLog audit) {
        this.audit = audit;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.directory = directory;
        this.access = access;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    CreatedTenant create(NewTenant body) {
        String name = body.name().trim();
        Plan plan = Plan.of(body.plan());
        // answer the usual conflicts before touching Keycloak (which would refuse them too)
        if (tenants.slugTaken(body.slug())) {
            throw new ConflictException("slug", "another agency already uses this slug");
        }
        if (tenants.nameTaken(name, null)) {
            throw new ConflictException("name", "another agency already has this name");
        }
        UUID tenantId = Uuids.timeOrdered();
        String organizationId = directory.createOrganization(name, body.slug(), tenantId);
        OrganizationMember admin;
        try {
            admin = directory.provisionMember(organizationId, body.adminEmail().toLowerCase(Locale.ROOT), body.adminName(),
                    body.adminUsername(), "adminUsername");
        } catch (RuntimeException e) {
            directory.deleteOrganizationQuietly(organizationId);
            throw e;
        }
        Tenant tenant = new Tenant(tenantId, name, body.slug(), plan, AccessModel.ACTIVE, organizationId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), 0);
        try {
            inTenant(tenantId, () -> {
                tenants.insert(tenant);
                access.upsertTenant(tenantId, tenant.status(), plan.value());
                outbox.append(EventTypes.TENANT_CREATED, 1, tenantId, null,
                        new TenantCreated(tenantId, tenant.name(), tenant.slug(), plan.value(), tenant.status()));
                audit.record(tenantId, null, "tenant.created", "tenant", tenantId,
                        Map.of("name", tenant.name(), "slug", tenant.slug(), "plan", plan.value()));
                memberships.grantAgencyRole(tenantId, MemberProfile.of(admin.user()), Role.AGENCY_ADMIN);
                return null;
            });
        } catch (RuntimeException e) {
            directory.undo(admin);
            directory.deleteOrganizationQuietly(organizationId);
            throw e;
        }
        return new CreatedTenant(tenant.id(), tenant.name(), tenant.slug(), plan.value(), tenant.status(),
                tenant.createdAt(), new AgencyAdmin(admin.user().userId(), admin.user().username(), admin.user().email(),
                        admin.user().temporaryPassword()));
    }

    /**
     * The answer to an agency creation, rebuilt from the ids an {@code Idempotency-Key} remembered;
     * without the temporary password, which is shown once only.
     */
    CreatedTenant created(UUID tenantId, UUID adminUserId) {
        Tenant tenant = find(tenantId);
        MemberProfile admin = inTenant(tenantId, () -> memberships.findAgencyProfile(tenantId, adminUserId))
                .filter(found -> !tenant.deleting())
                .orElseThrow(() -> new ConflictException("Idempotency-Key",
                        "the agency created with this key has been deleted or lost its first admin since"));
        return new CreatedTenant(tenant.id(), tenant.name(), tenant.slug(), tenant.plan().value(), tenant.status(),
                tenant.createdAt(), new AgencyAdmin(admin.userId().toString(), admin.username(),
                        java.util.Objects.requireNonNullElse(admin.email(), ""), null));
    }

    Page<Tenant> list(@Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(tenants.page(Paging.after(cursor), size + 1), size, Tenant::id);
    }

    /**
     * The catalogue row plus usage. Usage is counted in that agency's own tenant context, so row-level
     * security still applies to the platform admin: one agency at a time, never a cross-tenant query.
     */
    TenantDetail get(UUID tenantId) {
        Tenant tenant = find(tenantId);
        return inTenant(tenantId, () -> new TenantDetail(tenant.id(), tenant.name(), tenant.slug(), tenant.plan().value(),
                tenant.status(), tenant.createdAt(),
                new Usage(workspaces.count(tenantId), limitOf(tenant.plan(), Quota.WORKSPACES)),
                new Usage(memberships.countPeople(tenantId), limitOf(tenant.plan(), Quota.MEMBERS)), tenant.version()));
    }

    /** Renames (in Keycloak too), re-plans, suspends or reactivates; one {@code TenantUpdated} when anything changed. */
    Tenant update(UUID tenantId, TenantChange change, @Nullable String ifMatch) {
        Tenant current = find(tenantId);
        if (current.deleting()) {
            throw new ConflictException("status", "the agency is being deleted");
        }
        // a stale If-Match is answered before Keycloak is touched, and checked again under the lock
        ETags.requireMatch(ifMatch, current.version());
        String newName = change.name() == null ? current.name() : change.name().trim();
        boolean renamed = !newName.equals(current.name());
        if (renamed) {
            if (tenants.nameTaken(newName, tenantId)) {
                throw new ConflictException("name", "another agency already has this name");
            }
            directory.renameOrganization(current.organizationId(), newName);
        }
        try {
            return inTenant(tenantId, () -> {
                Tenant locked = tenants.lock(tenantId);
                if (locked.deleting()) {
                    throw new ConflictException("status", "the agency is being deleted");
                }
                ETags.requireMatch(ifMatch, locked.version());
                Tenant updated = locked.withName(newName)
                        .withPlan(change.plan() == null ? locked.plan() : Plan.of(change.plan()))
                        .withStatus(change.status() == null ? locked.status() : change.status());
                if (updated.equals(locked)) {
                    return locked;
                }
                Tenant stored = tenants.update(updated);
                access.upsertTenant(tenantId, updated.status(), updated.plan().value());
                outbox.append(EventTypes.TENANT_UPDATED, 1, tenantId, null, new TenantUpdated(tenantId, updated.name(),
                        updated.plan().value(), updated.status()));
                auditUpdate(locked, updated);
                return stored;
            });
        } catch (RuntimeException e) {
            if (renamed) {
                directory.renameOrganizationQuietly(current.organizationId(), current.name());
            }
            throw e;
        }
    }

    /** Status changes are audited as {@code tenant.suspended} / {@code tenant.reactivated}, the rest as {@code tenant.updated}. */
    private void auditUpdate(Tenant before, Tenant after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            changed.put("name", Map.of("from", before.name(), "to", after.name()));
        }
        if (before.plan() != after.plan()) {
            changed.put("plan", Map.of("from", before.plan().value(), "to", after.plan().value()));
        }
        if (!changed.isEmpty()) {
            audit.record(after.id(), null, "tenant.updated", "tenant", after.id(), changed);
        }
        if (!before.status().equals(after.status())) {
            audit.record(after.id(), null, after.suspended() ? "tenant.suspended" : "tenant.reactivated", "tenant",
                    after.id(), Map.of("status", Map.of("from", before.status(), "to", after.status())));
        }
    }

    private Tenant find(UUID tenantId) {
        return tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }

    private static @Nullable Integer limitOf(Plan plan, Quota quota) {
        return plan.limit(quota).isPresent() ? plan.limit(quota).getAsInt() : null;
    }
}
