package com.waymark.tenant.workspace;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.events.WorkspaceDeleted;
import com.waymark.platform.events.WorkspaceUpdated;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;
import com.waymark.tenant.tenant.Quota;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.keycloak.IdentityDirectory;
import com.waymark.tenant.membership.Memberships;
import com.waymark.tenant.web.ETags;
import com.waymark.tenant.workspace.WorkspaceController.NewWorkspace;
import com.waymark.tenant.workspace.WorkspaceController.WorkspaceChange;

/**
 * Client workspaces: database work (the agency's Keycloak organization covers its workspaces), except
 * that deleting one takes members left without any role in the agency out of its organization.
 */
@Service
class WorkspaceService {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceService.class);

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final IdentityDirectory directory;
    private final AccessModel access;
    private final Outbox outbox;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    WorkspaceService(Tenants tenants, Workspaces workspaces, Memberships memberships, IdentityDirectory directory,
            AccessModel access, Outbox outbox, AuditLog audit, JdbcClient jdbc, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.directory = directory;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Keycloak first (the workspace's organization), then one transaction; the organization is deleted
     * again when the transaction fails. Runs with the agency's context (set by the access check on
     * {@code /api/tenants/{tenantId}}).
     */
    Workspace create(TenantAccess caller, NewWorkspace body) {
        if (!caller.role().allows(Permission.WRITE)) {
            throw new ForbiddenException("Your role " + caller.role().value() + " cannot create workspaces");
        }
        UUID tenantId = caller.tenantId();
        // the usual refusals before Keycloak is touched; checked again under the lock
        transactions.execute(status -> checkRoomAndSlug(tenants.find(tenantId)
                .orElseThrow(() -> new NotFoundException("Tenant " + tenantId)), body.slug()));
        Workspace workspace = new Workspace(Uuids.timeOrdered(), tenantId, body.name().trim(), body.slug(),
                blankToNull(body.industry()), Instant.now().truncatedTo(ChronoUnit.MICROS), 0);
        String organizationId = directory.ensureWorkspaceOrganization(workspace.name(), tenantId, workspace.id());
        try {
            return transactions.execute(status -> insert(workspace, organizationId));
        } catch (RuntimeException e) {
            directory.deleteOrganizationQuietly(organizationId);
            throw e;
        }
    }

    private @Nullable Void checkRoomAndSlug(Tenant tenant, String slug) {
        tenant.plan().requireRoomForOneMore(Quota.WORKSPACES, workspaces.count(tenant.id()));
        if (workspaces.slugTaken(tenant.id(), slug)) {
            throw new ConflictException("slug", "another workspace of this agency uses this slug");
        }
        return null;
    }

    private Workspace insert(Workspace workspace, String organizationId) {
        UUID tenantId = workspace.tenantId();
        // the lock serializes creations per agency, so two requests cannot both take the last free slot
        checkRoomAndSlug(tenants.lock(tenantId), workspace.slug());
        workspaces.insert(workspace, organizationId);
        access.upsertWorkspace(workspace.id(), tenantId);
        outbox.append(EventTypes.WORKSPACE_CREATED, 1, tenantId, workspace.id(),
                new WorkspaceCreated(workspace.id(), tenantId, workspace.name(), workspace.slug(), workspace.industry()));
        audit.record(tenantId, workspace.id(), "workspace.created", "workspace", workspace.id(),
                details(workspace));
        return workspace;
    }

    /**
     * Renames, re-slugs or re-classifies; one {@code WorkspaceUpdated} when anything changed. A rename
     * renames the workspace's organization first (put back when the transaction fails). Agency-admin only.
     */
    Workspace update(TenantAccess caller, UUID workspaceId, WorkspaceChange change, @Nullable String ifMatch) {
        requireAgencyAdmin(caller, "change workspaces");
        UUID tenantId = caller.tenantId();
        Workspace before = workspaces.find(tenantId, workspaceId)
                .orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
        ETags.requireMatch(ifMatch, before.version());
        String newName = change.name() == null ? before.name() : change.name().trim();
        Optional<String> organization = newName.equals(before.name()) ? Optional.empty()
                : workspaces.organizationId(tenantId, workspaceId);
        organization.ifPresent(id -> directory.renameWorkspaceOrganization(id, newName, workspaceId));
        try {
            return transactions.execute(status -> change(tenantId, workspaceId, change, ifMatch));
        } catch (RuntimeException e) {
            organization.ifPresent(id -> directory.renameOrganizationQuietly(id,
                    IdentityDirectory.workspaceOrganizationName(before.name(), workspaceId)));
            throw e;
        }
    }

    private Workspace change(UUID tenantId, UUID workspaceId, WorkspaceChange change, @Nullable String ifMatch) {
        Workspace current = workspaces.lock(tenantId, workspaceId)
                .orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
        ETags.requireMatch(ifMatch, current.version());
        Workspace updated = current.changed(change.name() == null ? current.name() : change.name().trim(),
                change.slug() == null ? current.slug() : change.slug(),
                change.industry() == null ? current.industry() : blankToNull(change.industry()));
        if (updated.equals(current)) {
            return current;
        }
        if (!updated.slug().equals(current.slug()) && workspaces.slugTakenByAnother(tenantId, updated.slug(), workspaceId)) {
            throw new ConflictException("slug", "another workspace of this agency uses this slug");
        }
        Workspace stored = workspaces.update(updated);
        outbox.append(EventTypes.WORKSPACE_UPDATED, 1, tenantId, workspaceId,
                new WorkspaceUpdated(workspaceId, tenantId, updated.name(), updated.slug(), updated.industry()));
        audit.record(tenantId, workspaceId, "workspace.updated", "workspace", workspaceId, changes(current, updated));
        return stored;
    }

    /**
     * Deletes a client workspace: its memberships go at once (here and in the access model, so its
     * people lose access immediately; a member left without any role in the agency also leaves the
     * agency's Keycloak organization, first, so that a failing Keycloak changes nothing), the row goes,
     * and {@code tenant.workspace.deleted} makes every service purge the workspace's data. Agency-admin only.
     */
    Workspace delete(TenantAccess caller, UUID workspaceId) {
        requireAgencyAdmin(caller, "delete workspaces");
        UUID tenantId = caller.tenantId();
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        Workspace workspace = workspaces.find(tenantId, workspaceId)
                .orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
        List<UUID> leaving = memberships.clientMemberIds(workspaceId).stream()
                .filter(userId -> memberships.countRoles(tenantId, userId) == 1)
                .toList();
        List<UUID> removed = new ArrayList<>();
        Optional<String> organization = workspaces.organizationId(tenantId, workspaceId);
        Workspace deleted;
        try {
            for (UUID userId : leaving) {
                directory.removeFromOrganization(tenant.organizationId(), userId.toString());
                removed.add(userId);
            }
            deleted = transactions.execute(status -> {
                tenants.lock(tenantId);
                Workspace locked = workspaces.lock(tenantId, workspaceId)
                        .orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
                int members = memberships.removeAllOfWorkspace(workspaceId);
                workspaces.delete(tenantId, workspaceId);
                jdbc.sql("delete from access_workspace where workspace_id = ?").param(workspaceId).update();
                outbox.append(EventTypes.WORKSPACE_DELETED, 1, tenantId, workspaceId,
                        new WorkspaceDeleted(workspaceId, tenantId));
                Map<String, Object> details = details(locked);
                details.put("membersRemoved", members);
                audit.record(tenantId, workspaceId, "workspace.deleted", "workspace", workspaceId, details);
                return locked;
            });
        } catch (RuntimeException e) {
            removed.forEach(userId -> directory.restoreMembershipQuietly(tenant.organizationId(), userId.toString()));
            log.debug("Deleting workspace {} failed; {} organization memberships restored", workspace.id(), removed.size());
            throw e;
        }
        // after the commit: a workspace organization left behind (Keycloak failing now) grants nothing; logged to clean up
        organization.ifPresent(directory::deleteOrganizationQuietly);
        return deleted;
    }

    @Transactional(readOnly = true)
    Page<Workspace> list(TenantAccess caller, @Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(workspaces.page(caller.tenantId(), Paging.after(cursor), size + 1), size, Workspace::id);
    }

    @Transactional(readOnly = true)
    Workspace get(WorkspaceAccess caller) {
        return workspaces.find(caller.workspaceId())
                .orElseThrow(() -> new NotFoundException("Workspace " + caller.workspaceId()));
    }

    private static void requireAgencyAdmin(TenantAccess caller, String what) {
        if (!caller.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency-admin can " + what);
        }
    }

    private static Map<String, Object> details(Workspace workspace) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", workspace.name());
        details.put("slug", workspace.slug());
        if (workspace.industry() != null) {
            details.put("industry", workspace.industry());
        }
        return details;
    }

    private static Map<String, Object> changes(Workspace before, Workspace after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        change(changed, "name", before.name(), after.name());
        change(changed, "slug", before.slug(), after.slug());
        change(changed, "industry", before.industry(), after.industry());
        return changed;
    }

    private static void change(Map<String, Object> changed, String field, @Nullable String before, @Nullable String after) {
        if (!java.util.Objects.equals(before, after)) {
            Map<String, @Nullable String> fromTo = new LinkedHashMap<>();
            fromTo.put("from", before);
            fromTo.put("to", after);
            changed.put(field, fromTo);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
