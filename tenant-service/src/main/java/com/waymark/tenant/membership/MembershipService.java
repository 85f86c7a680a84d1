package com.waymark.tenant.membership;

import java.util.Locale;
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
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;
import com.waymark.tenant.keycloak.IdentityDirectory;
import com.waymark.tenant.keycloak.OrganizationMember;
import com.waymark.tenant.membership.MemberRequests.MemberView;
import com.waymark.tenant.membership.MemberRequests.NewAgencyMember;
import com.waymark.tenant.membership.MemberRequests.NewClientMember;
import com.waymark.tenant.tenant.Quota;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.workspace.WorkspaceOrganizations;

/**
 * Adds and removes members. Keycloak first (find or create the user, add them to the agency's
 * organization), then one database transaction (membership, access model, event); when that fails,
 * the Keycloak part is undone.
 */
@Service
class MembershipService {

    /** Who may manage a workspace's members: its client admins and the agency's staff. */
    private static final Set<Role> WORKSPACE_MEMBER_MANAGERS = Set.of(Role.AGENCY_ADMIN, Role.AGENCY_STAFF, Role.CLIENT_ADMIN);

    private final Tenants tenants;
    private final Memberships memberships;
    private final IdentityDirectory directory;
    private final TransactionTemplate transactions;
    private final WorkspaceOrganizations workspaceOrganizations;

    MembershipService(Tenants tenants, Memberships memberships, IdentityDirectory directory,
            TransactionTemplate transactions, WorkspaceOrganizations workspaceOrganizations) {
        this.workspaceOrganizations = workspaceOrganizations;
        this.tenants = tenants;
        this.memberships = memberships;
        this.directory = directory;
        this.transactions = transactions;
    }

    MemberView addAgencyMember(TenantAccess caller, NewAgencyMember body) {
        requireAgencyAdmin(caller);
        Role role = Role.fromValue(body.role()).orElseThrow();
        return add(caller.tenantId(), null, body.email(), body.name(), body.username(), role);
    }

    MemberView addClientMember(WorkspaceAccess caller, NewClientMember body) {
        requireWorkspaceMemberManager(caller);
        Role role = Role.fromValue(body.role()).orElseThrow();
        return add(caller.tenantId(), caller.workspaceId(), body.email(), body.name(), body.username(), role);
    }

    Page<MemberView> agencyMembers(TenantAccess caller, @Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        UUID after = Paging.after(cursor);
        return views(Paging.page(memberships.agencyMembers(caller.tenantId(), after, size + 1), size, Member::userId));
    }

    Page<MemberView> clientMembers(WorkspaceAccess caller, @Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        UUID after = Paging.after(cursor);
        return views(Paging.page(memberships.clientMembers(caller.workspaceId(), after, size + 1), size, Member::userId));
    }

    void removeAgencyMember(TenantAccess caller, String userIdText) {
        requireAgencyAdmin(caller);
        UUID tenantId = caller.tenantId();
        UUID userId = parseUserId(userIdText);
        Member member = inTenant(tenantId, () -> memberships.findAgencyMember(tenantId, userId))
                .orElseThrow(() -> new NotFoundException("Member " + userIdText));
        remove(tenantId, userId, () -> {
            if (member.role() == Role.AGENCY_ADMIN && memberships.countAgencyAdmins(tenantId) <= 1) {
                throw new ConflictException("userId", "an agency keeps at least one agency-admin");
            }
            return memberships.revokeAgencyRole(tenantId, userId);
        });
    }

    /** The member also leaves the workspace's organization (first; put back when the rest fails). */
    void removeClientMember(WorkspaceAccess caller, String userIdText) {
        requireWorkspaceMemberManager(caller);
        UUID userId = parseUserId(userIdText);
        UUID tenantId = caller.tenantId();
        boolean member = inTenant(tenantId, () -> memberships.findClientMember(caller.workspaceId(), userId)).isPresent();
        Optional<String> organization = member ? workspaceOrganizations.existing(tenantId, caller.workspaceId()) : Optional.empty();
        organization.ifPresent(id -> directory.removeFromOrganization(id, userId.toString()));
        try {
            remove(tenantId, userId, () -> memberships.revokeClientRole(tenantId, caller.workspaceId(), userId));
        } catch (RuntimeException e) {
            organization.ifPresent(id -> directory.restoreMembershipQuietly(id, userId.toString()));
            throw e;
        }
    }

    private MemberView add(UUID tenantId, @Nullable UUID workspaceId, String email, String name, @Nullable String username,
            Role role) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        String normalizedEmail = email.trim().toLowerCase(Locale.ROOT);
        // cheap early answer, before anything is created in Keycloak; re-checked under lock below
        inTenant(tenantId, () -> {
            if (!memberships.isPersonWithEmail(tenantId, normalizedEmail)) {
                tenant.plan().requireRoomForOneMore(Quota.MEMBERS, memberships.countPeople(tenantId));
            }
            return null;
        });
        OrganizationMember provisioned = directory.provisionMember(tenant.organizationId(), normalizedEmail, name, username,
                "username");
        MemberProfile profile = MemberProfile.of(provisioned.user());
        Optional<String> addedToWorkspaceOrganization = Optional.empty();
        try {
            if (workspaceId != null) {
                addedToWorkspaceOrganization = workspaceOrganizations.addMember(tenantId, workspaceId, profile.userId().toString());
            }
            Member member = inTenant(tenantId, () -> {
                Tenant locked = tenants.lock(tenantId);
                if (!memberships.isPerson(tenantId, profile.userId())) {
                    locked.plan().requireRoomForOneMore(Quota.MEMBERS, memberships.countPeople(tenantId));
                }
                if (workspaceId == null) {
                    memberships.grantAgencyRole(tenantId, profile, role);
                    return memberships.findAgencyMember(tenantId, profile.userId()).orElseThrow();
                }
                memberships.grantClientRole(tenantId, workspaceId, profile, role);
                return memberships.findClientMember(workspaceId, profile.userId()).orElseThrow();
            });
            return MemberView.of(member, provisioned.user().temporaryPassword());
        } catch (RuntimeException e) {
            addedToWorkspaceOrganization.ifPresent(id -> directory.removeFromOrganizationQuietly(id, profile.userId().toString()));
            directory.undo(provisioned);
            throw e;
        }
    }

    /**
     * Revokes one role; a user left without any role in the agency also leaves its Keycloak
     * organization (first, so that a failing Keycloak changes nothing).
     */
    private void remove(UUID tenantId, UUID userId, Supplier<Boolean> revoke) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
        boolean lastRole = inTenant(tenantId, () -> memberships.countRoles(tenantId, userId)) == 1;
        if (lastRole) {
            directory.removeFromOrganization(tenant.organizationId(), userId.toString());
        }
        try {
            boolean revoked = inTenant(tenantId, () -> {
                tenants.lock(tenantId);
                return revoke.get();
            });
            if (!revoked) {
                throw new NotFoundException("Member " + userId);
            }
        } catch (RuntimeException e) {
            if (lastRole) {
                directory.restoreMembershipQuietly(tenant.organizationId(), userId.toString());
            }
            throw e;
        }
    }

    private static Page<MemberView> views(Page<Member> page) {
        return new Page<>(page.items().stream().map(MemberView::of).toList(), page.nextCursor());
    }

    /** Runs in one transaction with the agency-wide tenant context (memberships of all its workspaces visible). */
    private <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }

    private static void requireAgencyAdmin(TenantAccess caller) {
        if (!caller.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency-admin can manage the agency's members");
        }
    }

    private static void requireWorkspaceMemberManager(WorkspaceAccess caller) {
        if (!WORKSPACE_MEMBER_MANAGERS.contains(caller.role())) {
            throw new ForbiddenException("Your role " + caller.role().value() + " cannot manage this workspace's members");
        }
    }

    /** A malformed id cannot name a member: same answer as an unknown one. */
    private static UUID parseUserId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Member " + value);
        }
    }
}
