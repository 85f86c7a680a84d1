package com.waymark.tenant.invitation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.Role;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.GoneException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.TenantSuspendedException;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.invitation.InvitationRequests.AcceptedInvitation;
import com.waymark.tenant.invitation.InvitationRequests.InvitationView;
import com.waymark.tenant.invitation.InvitationRequests.PublicInvitation;
import com.waymark.tenant.invitation.Invitations.Link;
import com.waymark.tenant.keycloak.IdentityDirectory;
import com.waymark.tenant.keycloak.OrganizationMember;
import com.waymark.tenant.membership.MemberProfile;
import com.waymark.tenant.membership.Memberships;
import com.waymark.tenant.tenant.Quota;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.workspace.Workspace;
import com.waymark.tenant.workspace.WorkspaceOrganizations;
import com.waymark.tenant.workspace.Workspaces;

/**
 * Invitations. Creating one stores it (and the hash of its one-time token) and answers the link once;
 * the quota counts pending invitations like members. Accepting one is anonymous: the token is the only
 * credential; Keycloak first (the invited e-mail's user is created with the chosen password, or an
 * existing one linked, and joins the agency's organization), then one transaction (the membership as
 * for members added by an admin, the invitation marked accepted, audit rows with the new member as
 * actor); when the transaction fails, Keycloak is undone.
 */
@Service
class InvitationService {

    /** Who may invite to a workspace: its client admins and the agency's staff (as for members). */
    private static final Set<Role> WORKSPACE_MEMBER_MANAGERS = Set.of(Role.AGENCY_ADMIN, Role.AGENCY_STAFF, Role.CLIENT_ADMIN);

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final Invitations invitations;
    private final IdentityDirectory directory;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final InvitationProperties properties;
    private final WorkspaceOrganizations workspaceOrganizations;

    InvitationService(Tenants tenants, Workspaces workspaces, Memberships memberships, Invitations invitations,
            IdentityDirectory directory, AuditLog audit, TransactionTemplate transactions, InvitationProperties properties,
            WorkspaceOrganizations workspaceOrganizations) {
        this.workspaceOrganizations = workspaceOrganizations;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.invitations = invitations;
        this.directory = directory;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    InvitationView inviteToAgency(TenantAccess caller, String email, String name, String role) {
        requireAgencyAdmin(caller);
        return invite(caller.userId(), caller.tenantId(), null, email, name, Role.fromValue(role).orElseThrow());
    }

    InvitationView inviteToWorkspace(WorkspaceAccess caller, String email, String name, String role) {
        requireWorkspaceMemberManager(caller);
        return invite(caller.userId(), caller.tenantId(), caller.workspaceId(), email, name, Role.fromValue(role).orElseThrow());
    }

    Page<InvitationView> pendingOfAgency(TenantAccess caller, @Nullable Integer limit, @Nullable String cursor) {
        requireAgencyAdmin(caller);
        return pending(caller.tenantId(), null, limit, cursor);
    }

    Page<InvitationView> pendingOfWorkspace(WorkspaceAccess caller, @Nullable Integer limit, @Nullable String cursor) {
        requireWorkspaceMemberManager(caller);
        return pending(caller.tenantId(), caller.workspaceId(), limit, cursor);
    }

    void revokeOfAgency(TenantAccess caller, String invitationId) {
        requireAgencyAdmin(caller);
        revoke(caller.tenantId(), null, invitationId);
    }

    void revokeOfWorkspace(WorkspaceAccess caller, String invitationId) {
        requireWorkspaceMemberManager(caller);
        revoke(caller.tenantId(), caller.workspaceId(), invitationId);
    }

    private InvitationView invite(String inviter, UUID tenantId, @Nullable UUID workspaceId, String email, String name,
            Role role) {
        String normalizedEmail = email.trim().toLowerCase(Locale.ROOT);
        String token = InvitationTokens.generate();
        Invitation invitation = inTenant(tenantId, () -> {
            Tenant tenant = tenants.lock(tenantId);
            if (memberships.holdsRoleWithEmail(tenantId, workspaceId, normalizedEmail)) {
                throw new ConflictException("email", "already holds a role here; change it through the members endpoint");
            }
            if (invitations.pendingFor(tenantId, workspaceId, normalizedEmail)) {
                throw new ConflictException("email", "already has a pending invitation here; revoke it first to send a new one");
            }
            if (!memberships.isPersonWithEmail(tenantId, normalizedEmail)) {
                // pending invitations hold a place, so accepting one cannot fail on a quota the inviter never saw
                tenant.plan().requireRoomForOneMore(Quota.MEMBERS,
                        memberships.countPeople(tenantId) + invitations.pendingNewPeople(tenantId));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Invitation created = new Invitation(Uuids.timeOrdered(), tenantId, workspaceId, normalizedEmail, name.trim(), role,
                    inviter, now, now.plus(properties.validity()), null, null);
            invitations.insert(created, InvitationTokens.hash(token));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("email", created.email());
            details.put("role", role.value());
            details.put("scope", workspaceId == null ? "tenant" : "workspace");
            details.put("expiresAt", created.expiresAt().toString());
            audit.record(tenantId, workspaceId, "invitation.created", "invitation", created.id(), details);
            return created;
        });
        return InvitationView.of(invitation, properties.link(token));
    }

    private Page<InvitationView> pending(UUID tenantId, @Nullable UUID workspaceId, @Nullable Integer limit,
            @Nullable String cursor) {
        int size = Paging.limit(limit);
        UUID after = Paging.after(cursor);
        Page<Invitation> page = inTenant(tenantId,
                () -> Paging.page(invitations.pending(tenantId, workspaceId, after, size + 1), size, Invitation::id));
        return new Page<>(page.items().stream().map(invitation -> InvitationView.of(invitation, null)).toList(),
                page.nextCursor());
    }

    /** Idempotent for a revoked invitation; an accepted one is a membership now (409). */
    private void revoke(UUID tenantId, @Nullable UUID workspaceId, String invitationId) {
        UUID id = parse(invitationId);
        inTenant(tenantId, () -> {
            tenants.lock(tenantId);
            Invitation invitation = invitations.find(tenantId, workspaceId, id)
                    .orElseThrow(() -> new NotFoundException("Invitation " + invitationId));
            switch (invitation.state(Instant.now())) {
                case ACCEPTED -> throw new ConflictException("invitationId",
                        "was already accepted; remove the member instead");
                case REVOKED -> {
                    return null;
                }
                default -> {
                    invitations.revoke(tenantId, id, Instant.now().truncatedTo(ChronoUnit.MICROS));
                    audit.record(tenantId, workspaceId, "invitation.revoked", "invitation", id,
                            Map.of("email", invitation.email(), "role", invitation.role().value()));
                    return null;
                }
            }
        });
    }

    /** What the invited person may see: 404 for an unknown token, 410 once it cannot be used any more. */
    PublicInvitation show(String token) {
        Usable usable = usable(token);
        return new PublicInvitation(usable.invitation().email(), usable.invitation().name(), usable.invitation().role().value(),
                usable.tenant().name(), usable.workspace() == null ? null : usable.workspace().name(),
                usable.invitation().expiresAt());
    }

    AcceptedInvitation accept(String token, String password) {
        Usable usable = usable(token);
        Invitation invitation = usable.invitation();
        UUID tenantId = invitation.tenantId();
        Tenant tenant = usable.tenant();
        // cheap early answer before Keycloak; checked again under the lock
        inTenant(tenantId, () -> {
            if (!memberships.isPersonWithEmail(tenantId, invitation.email())) {
                tenant.plan().requireRoomForOneMore(Quota.MEMBERS, memberships.countPeople(tenantId));
            }
            return null;
        });
        OrganizationMember provisioned = directory.provisionMember(tenant.organizationId(), invitation.email(),
                invitation.name(), null, "email", password);
        MemberProfile profile = MemberProfile.of(provisioned.user());
        Optional<String> addedToWorkspaceOrganization = Optional.empty();
        try {
            if (invitation.workspaceId() != null) {
                addedToWorkspaceOrganization = workspaceOrganizations.addMember(tenantId, invitation.workspaceId(),
                        profile.userId().toString());
            }
            audit.actingAs(profile.userId().toString(), profile.username(), () -> inTenant(tenantId, () -> {
                Tenant locked = tenants.lock(tenantId);
                Invitation current = invitations.lock(tenantId, invitation.id())
                        .orElseThrow(() -> new NotFoundException("Invitation"));
                if (current.state(Instant.now()) != Invitation.State.PENDING) {
                    throw new GoneException("This invitation was already used, revoked or has expired");
                }
                if (invitation.workspaceId() != null && workspaces.find(tenantId, invitation.workspaceId()).isEmpty()) {
                    throw new GoneException("The workspace of this invitation no longer exists");
                }
                if (!memberships.isPerson(tenantId, profile.userId())) {
                    locked.plan().requireRoomForOneMore(Quota.MEMBERS, memberships.countPeople(tenantId));
                }
                if (invitation.workspaceId() == null) {
                    memberships.grantAgencyRole(tenantId, profile, invitation.role());
                } else {
                    memberships.grantClientRole(tenantId, invitation.workspaceId(), profile, invitation.role());
                }
                invitations.accept(tenantId, invitation.id(), profile.userId(), Instant.now().truncatedTo(ChronoUnit.MICROS));
                audit.record(tenantId, invitation.workspaceId(), "invitation.accepted", "invitation", invitation.id(),
                        Map.of("email", invitation.email(), "role", invitation.role().value(), "userId",
                                profile.userId().toString(), "existingAccount", !provisioned.user().created()));
                return null;
            }));
        } catch (RuntimeException e) {
            addedToWorkspaceOrganization.ifPresent(id -> directory.removeFromOrganizationQuietly(id, profile.userId().toString()));
            directory.undo(provisioned);
            throw e;
        }
        return new AcceptedInvitation(invitation.email(), profile.username(), invitation.role().value(), tenant.name(),
                usable.workspace() == null ? null : usable.workspace().name(), !provisioned.user().created());
    }

    private record Usable(Invitation invitation, Tenant tenant, @Nullable Workspace workspace) {
    }

    private Usable usable(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            throw unknown();
        }
        Link link = TenantContextHolder.callAs(null, () -> transactions.execute(status -> invitations.link(InvitationTokens.hash(token))))
                .orElseThrow(InvitationService::unknown);
        Tenant tenant = tenants.find(link.tenantId()).orElseThrow(InvitationService::unknown);
        if (tenant.deleting()) {
            throw new GoneException("This invitation is no longer valid");
        }
        if (tenant.suspended()) {
            throw new TenantSuspendedException();
        }
        return inTenant(link.tenantId(), () -> {
            Invitation invitation = invitations.find(link.tenantId(), link.workspaceId(), link.invitationId())
                    .orElseThrow(InvitationService::unknown);
            if (invitation.state(Instant.now()) != Invitation.State.PENDING) {
                throw new GoneException("This invitation was already used, revoked or has expired");
            }
            Workspace workspace = null;
            if (invitation.workspaceId() != null) {
                workspace = workspaces.find(link.tenantId(), invitation.workspaceId())
                        .orElseThrow(() -> new GoneException("The workspace of this invitation no longer exists"));
            }
            return new Usable(invitation, tenant, workspace);
        });
    }

    private static NotFoundException unknown() {
        return new NotFoundException("Invitation");
    }

    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }

    private static void requireAgencyAdmin(TenantAccess caller) {
        if (!caller.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency-admin can manage the agency's invitations");
        }
    }

    private static void requireWorkspaceMemberManager(WorkspaceAccess caller) {
        if (!WORKSPACE_MEMBER_MANAGERS.contains(caller.role())) {
            throw new ForbiddenException("Your role " + caller.role().value() + " cannot manage this workspace's invitations");
        }
    }

    /** A malformed id cannot name an invitation: same answer as an unknown one. */
    private static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Invitation " + value);
        }
    }
}
