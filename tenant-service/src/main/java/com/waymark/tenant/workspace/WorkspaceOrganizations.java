package com.waymark.tenant.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.keycloak.IdentityDirectory;
import com.waymark.tenant.keycloak.UpstreamUnavailableException;
import com.waymark.tenant.membership.Memberships;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;

/**
 * The Keycloak organization of each client workspace, holding its client members (agency members
 * reach every workspace through the agency's organization). Made with the workspace; a workspace made
 * before this existed gets its organization — with its current client members — at startup, or
 * lazily the next time a client member is added. Access is still decided by the access model, never by
 * organization membership, so a late or leftover organization grants nothing.
 */
@Component
public class WorkspaceOrganizations {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceOrganizations.class);

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final IdentityDirectory directory;
    private final TransactionTemplate transactions;

    WorkspaceOrganizations(Tenants tenants, Workspaces workspaces, Memberships memberships, IdentityDirectory directory,
            TransactionTemplate transactions) {
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.directory = directory;
        this.transactions = transactions;
    }

    /** The organization the workspace has, without creating one. */
    public Optional<String> existing(UUID tenantId, UUID workspaceId) {
        return inTenant(tenantId, () -> workspaces.organizationId(tenantId, workspaceId));
    }

    /** The workspace's organization, created (with its current client members) when it has none yet. */
    public String ensure(UUID tenantId, UUID workspaceId) {
        Optional<String> existing = existing(tenantId, workspaceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Workspace workspace = inTenant(tenantId, () -> workspaces.find(tenantId, workspaceId))
                .orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
        String organizationId = directory.ensureWorkspaceOrganization(workspace.name(), tenantId, workspaceId);
        for (UUID member : inTenant(tenantId, () -> memberships.clientMemberIds(workspaceId))) {
            directory.addToOrganization(organizationId, member.toString());
        }
        return inTenant(tenantId, () -> workspaces.recordOrganization(tenantId, workspaceId, organizationId));
    }

    /**
     * Makes a client member a member of the workspace's organization; returns the organization when
     * this call added them (what to undo should the rest of the change fail).
     */
    public Optional<String> addMember(UUID tenantId, UUID workspaceId, String userId) {
        String organizationId = ensure(tenantId, workspaceId);
        return directory.addToOrganization(organizationId, userId) ? Optional.of(organizationId) : Optional.empty();
    }

    /**
     * Gives every workspace without an organization its own (startup). Keycloak trouble ends the pass
     * quietly: the rest is made lazily, or at the next start.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        int made = 0;
        try {
            for (UUID tenantId : tenants.allIds()) {
                Optional<Tenant> tenant = tenants.find(tenantId);
                if (tenant.isEmpty() || tenant.get().deleting()) {
                    continue;
                }
                List<Workspace> missing = inTenant(tenantId, () -> workspaces.withoutOrganization(tenantId));
                for (Workspace workspace : missing) {
                    ensure(tenantId, workspace.id());
                    made++;
                }
            }
        } catch (UpstreamUnavailableException e) {
            log.warn("Workspace organizations: Keycloak unavailable after {} made; the rest follow lazily", made);
            return;
        }
        if (made > 0) {
            log.info("Workspace organizations: made {} for workspaces that had none", made);
        }
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }
}
