package com.waymark.tenant.deletion;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TenantDeleted;
import com.waymark.platform.events.TenantUpdated;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.security.CurrentUser;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.keycloak.IdentityBrokers;
import com.waymark.tenant.keycloak.IdentityDirectory;
import com.waymark.tenant.membership.Memberships;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.workspace.Workspaces;

/**
 * Deletes an agency.
 * <ol>
 * <li>Keycloak first: the agency's organization is deleted, and so is every user who holds a role in
 * no other agency (and is not a platform admin); users who also belong elsewhere only lose this
 * organization. A deleted user cannot be restored, but every step is idempotent, so a request that
 * failed half-way (502/503) is simply repeated and converges.</li>
 * <li>Then one transaction: tenant-service's own rows of the agency (workspaces, memberships) go at
 * once and the access model forgets its memberships and workspaces, so its users get 404 here at
 * once; the catalogue row becomes {@code deleting} with name and slug replaced by id-derived
 * placeholders; the deletion is recorded (ids and timestamps only); {@code tenant.tenant.updated}
 * with status {@code suspended} makes every other service refuse the agency's users with 403
 * {@code tenant-suspended} at once, and {@code tenant.tenant.deleted} makes each purge the agency's
 * data (its access rows included) and report {@code <service>.purge.completed}.</li>
 * </ol>
 * The agency's audit rows are left to the generic purge, which removes them from tenant-service too.
 */
@Service
class TenantDeletion {

    private static final Logger log = LoggerFactory.getLogger(TenantDeletion.class);

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final IdentityDirectory directory;
    private final IdentityBrokers brokers;
    private final AccessModel access;
    private final Deletions deletions;
    private final Outbox outbox;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    TenantDeletion(Tenants tenants, Workspaces workspaces, Memberships memberships, IdentityDirectory directory,
            IdentityBrokers brokers, AccessModel access, Deletions deletions, Outbox outbox, AuditLog audit, JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.directory = directory;
        this.brokers = brokers;
        this.access = access;
        this.deletions = deletions;
        this.outbox = outbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Idempotent: deleting an agency that is already being deleted changes nothing and answers its progress. */
    Deletion delete(UUID tenantId, CurrentUser requester) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        if (tenant.deleting()) {
            return progress(tenantId);
        }
        List<UUID> people = inTenant(tenantId, () -> memberships.peopleIds(tenantId));
        List<UUID> onlyHere = people.stream().filter(userId -> !memberElsewhere(userId, tenantId)).toList();

        // its single sign-on provider goes with it (Keycloak would only unlink it), and its workspaces' organizations
        brokers.deleteProvidersOf(tenant.organizationId());
        java.util.Set<String> workspaceOrganizations = new java.util.LinkedHashSet<>(
                inTenant(tenantId, () -> workspaces.organizationIds(tenantId)));
        workspaceOrganizations.addAll(directory.workspaceOrganizations(IdentityDirectory.WORKSPACE_OF_ATTRIBUTE, tenantId));
        workspaceOrganizations.forEach(directory::deleteOrganization);
        directory.deleteOrganization(tenant.organizationId());
        int usersDeleted = 0;
        for (UUID userId : onlyHere) {
            if (!directory.hasRealmRole(userId.toString(), CurrentUser.PLATFORM_ADMIN)) {
                directory.deleteUser(userId.toString());
                usersDeleted++;
            }
        }
        int deletedInKeycloak = usersDeleted;
        try {
            inTenant(tenantId, () -> {
                Tenant locked = tenants.lock(tenantId);
                if (locked.deleting()) {
                    return null;
                }
                List<UUID> agencyWorkspaces = access.workspacesOf(tenantId);
                forgetAccess(tenantId, agencyWorkspaces);
                memberships.removeAllOfAgency(tenantId);
                workspaces.deleteAllOf(tenantId);
                tenants.markDeleting(tenantId);
                deletions.insert(tenantId, Instant.now().truncatedTo(ChronoUnit.MICROS), requester.userId());
                Tenant deleting = tenants.find(tenantId).orElseThrow();
                outbox.append(EventTypes.TENANT_UPDATED, 1, tenantId, null,
                        new TenantUpdated(tenantId, deleting.name(), deleting.plan().value(), AccessModel.SUSPENDED));
                outbox.append(EventTypes.TENANT_DELETED, 1, tenantId, null, new TenantDeleted(tenantId));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("workspaces", agencyWorkspaces.size());
                details.put("people", people.size());
                details.put("usersDeleted", deletedInKeycloak);
                audit.record(tenantId, null, "tenant.deleted", "tenant", tenantId, details);
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Deleting tenant {} failed after its Keycloak organization and {} users were deleted; "
                    + "repeat the request to finish", tenantId, deletedInKeycloak);
            throw e;
        }
        return progress(tenantId);
    }

    Deletion progress(UUID tenantId) {
        return deletions.find(tenantId)
                .orElseThrow(() -> new NotFoundException("Deletion of tenant " + tenantId));
    }

    /** Its users lose every role here at once; a stray check of the tenant itself would see it suspended. */
    private void forgetAccess(UUID tenantId, List<UUID> agencyWorkspaces) {
        for (UUID workspaceId : agencyWorkspaces) {
            jdbc.sql("delete from access_membership where scope_id = ?").param(workspaceId).update();
        }
        jdbc.sql("delete from access_membership where scope_id = ?").param(tenantId).update();
        jdbc.sql("delete from access_workspace where tenant_id = ?").param(tenantId).update();
        access.upsertTenant(tenantId, AccessModel.SUSPENDED);
    }

    /** Whether the user holds a role in another agency or one of its workspaces (per the access model, which spans agencies). */
    private boolean memberElsewhere(UUID userId, UUID tenantId) {
        return jdbc.sql("""
                select exists (
                    select 1 from access_membership m
                    where m.user_id = :user and m.scope_id <> :tenant
                      and not exists (select 1 from access_workspace w where w.workspace_id = m.scope_id and w.tenant_id = :tenant))""")
                .param("user", userId.toString()).param("tenant", tenantId).query(Boolean.class).single();
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }
}
