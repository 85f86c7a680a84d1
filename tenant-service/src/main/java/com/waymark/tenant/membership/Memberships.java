package com.waymark.tenant.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.MemberAdded;
import com.waymark.platform.events.MemberRemoved;
import com.waymark.platform.messaging.Outbox;
import com.waymark.tenant.audit.AuditLog;
import com.waymark.tenant.tenant.Tenants;

/**
 * Memberships, the platform access model and the {@code tenant.member.*} events, always changed
 * together: call inside a transaction that runs with the agency's tenant-wide context (row-level
 * security hides agency memberships from a single-workspace context).
 */
@Repository
public class Memberships {

    static final String TENANT_SCOPE = "tenant";
    static final String WORKSPACE_SCOPE = "workspace";

    private final JdbcClient jdbc;
    private final AccessModel access;
    private final Outbox outbox;
    private final AuditLog audit;

    Memberships(JdbcClient jdbc, AccessModel access, Outbox outbox, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.access = access;
        this.outbox = outbox;
    }

    /** Grants (or changes to) an agency role. */
    public void grantAgencyRole(UUID tenantId, MemberProfile user, Role role) {
        requireAgencyRole(role);
        String previous = jdbc.sql("select role from tenant_member where tenant_id = ? and user_id = ?")
                .params(tenantId, user.userId()).query(String.class).optional().orElse(null);
        jdbc.sql("""
                insert into tenant_member (tenant_id, user_id, username, email, name, role) values (?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, user_id) do update
                set role = excluded.role, username = excluded.username, email = excluded.email, name = excluded.name""")
                .params(tenantId, user.userId(), user.username(), user.email(), user.name(), role.value())
                .update();
        access.grant(user.userId().toString(), tenantId, role);
        outbox.append(EventTypes.MEMBER_ADDED, 1, tenantId, null,
                new MemberAdded(user.userId().toString(), user.username(), TENANT_SCOPE, tenantId, role.value()));
        auditGrant(tenantId, null, user, role, previous);
    }

    /** Grants (or changes to) a client role on one workspace. */
    public void grantClientRole(UUID tenantId, UUID workspaceId, MemberProfile user, Role role) {
        if (role.tenantWide()) {
            throw new IllegalArgumentException(role.value() + " is an agency role");
        }
        String previous = jdbc.sql("select role from workspace_member where workspace_id = ? and user_id = ?")
                .params(workspaceId, user.userId()).query(String.class).optional().orElse(null);
        jdbc.sql("""
                insert into workspace_member (tenant_id, workspace_id, user_id, username, email, name, role)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, user_id) do update
                set role = excluded.role, username = excluded.username, email = excluded.email, name = excluded.name""")
                .params(tenantId, workspaceId, user.userId(), user.username(), user.email(), user.name(), role.value())
                .update();
        access.grant(user.userId().toString(), workspaceId, role);
        outbox.append(EventTypes.MEMBER_ADDED, 1, tenantId, workspaceId,
                new MemberAdded(user.userId().toString(), user.username(), WORKSPACE_SCOPE, workspaceId, role.value()));
        auditGrant(tenantId, workspaceId, user, role, previous);
    }

    private void auditGrant(UUID tenantId, @Nullable UUID workspaceId, MemberProfile user, Role role,
            @Nullable String previous) {
        if (role.value().equals(previous)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", user.username());
        details.put("scope", workspaceId == null ? TENANT_SCOPE : WORKSPACE_SCOPE);
        details.put("role", role.value());
        if (previous != null) {
            details.put("previousRole", previous);
        }
        audit.record(tenantId, workspaceId, previous == null ? "member.added" : "member.role-changed", "member",
                user.userId(), details);
    }

    /** Returns false when the user had no agency role here. */
    boolean revokeAgencyRole(UUID tenantId, UUID userId) {
        Member member = findAgencyMember(tenantId, userId).orElse(null);
        int deleted = jdbc.sql("delete from tenant_member where tenant_id = ? and user_id = ?").params(tenantId, userId).update();
        if (deleted == 0 || member == null) {
            return false;
        }
        audit.record(tenantId, null, "member.removed", "member", userId,
                Map.of("username", member.username(), "scope", TENANT_SCOPE, "role", member.role().value()));
        access.revoke(userId.toString(), tenantId);
        outbox.append(EventTypes.MEMBER_REMOVED, 1, tenantId, null, new MemberRemoved(userId.toString(), TENANT_SCOPE, tenantId));
        return true;
    }

    boolean revokeClientRole(UUID tenantId, UUID workspaceId, UUID userId) {
        Member member = findClientMember(workspaceId, userId).orElse(null);
        int deleted = jdbc.sql("delete from workspace_member where tenant_id = ? and workspace_id = ? and user_id = ?")
                .params(tenantId, workspaceId, userId).update();
        if (deleted == 0 || member == null) {
            return false;
        }
        audit.record(tenantId, workspaceId, "member.removed", "member", userId,
                Map.of("username", member.username(), "scope", WORKSPACE_SCOPE, "role", member.role().value()));
        access.revoke(userId.toString(), workspaceId);
        outbox.append(EventTypes.MEMBER_REMOVED, 1, tenantId, workspaceId,
                new MemberRemoved(userId.toString(), WORKSPACE_SCOPE, workspaceId));
        return true;
    }

    /** The users holding a client role on the workspace. */
    public List<UUID> clientMemberIds(UUID workspaceId) {
        return jdbc.sql("select user_id from workspace_member where workspace_id = ? order by user_id").param(workspaceId)
                .query(UUID.class).list();
    }

    /** Everyone with any role in the agency or one of its workspaces. */
    public List<UUID> peopleIds(UUID tenantId) {
        return jdbc.sql("""
                select user_id from tenant_member where tenant_id = :tenant
                union
                select user_id from workspace_member where tenant_id = :tenant
                order by 1""").param("tenant", tenantId).query(UUID.class).list();
    }

    /**
     * Removes every client membership of a workspace that is being deleted, here and in the access
     * model. No {@code tenant.member.removed} events: {@code tenant.workspace.deleted} makes every other
     * service purge the workspace's access rows along with its data. Returns how many went.
     */
    public int removeAllOfWorkspace(UUID workspaceId) {
        clientMemberIds(workspaceId).forEach(userId -> access.revoke(userId.toString(), workspaceId));
        return jdbc.sql("delete from workspace_member where workspace_id = ?").param(workspaceId).update();
    }

    /** Deletes every membership row of a deleted agency (its own and its workspaces'); the access model is the caller's. */
    public void removeAllOfAgency(UUID tenantId) {
        jdbc.sql("delete from workspace_member where tenant_id = ?").param(tenantId).update();
        jdbc.sql("delete from tenant_member where tenant_id = ?").param(tenantId).update();
    }

    /** Who holds an agency role here, if anyone (for answers rebuilt from ids). */
    public Optional<MemberProfile> findAgencyProfile(UUID tenantId, UUID userId) {
        return findAgencyMember(tenantId, userId)
                .map(member -> new MemberProfile(member.userId(), member.username(), member.email(), member.name()));
    }

    Optional<Member> findAgencyMember(UUID tenantId, UUID userId) {
        return jdbc.sql("select * from tenant_member where tenant_id = ? and user_id = ?").params(tenantId, userId)
                .query(Memberships::map).optional();
    }

    Optional<Member> findClientMember(UUID workspaceId, UUID userId) {
        return jdbc.sql("select * from workspace_member where workspace_id = ? and user_id = ?").params(workspaceId, userId)
                .query(Memberships::map).optional();
    }

    List<Member> agencyMembers(UUID tenantId, @Nullable UUID after, int limit) {
        return jdbc.sql("select * from tenant_member where tenant_id = ? and user_id > ? order by user_id limit ?")
                .params(tenantId, after == null ? Tenants.NIL : after, limit).query(Memberships::map).list();
    }

    List<Member> clientMembers(UUID workspaceId, @Nullable UUID after, int limit) {
        return jdbc.sql("select * from workspace_member where workspace_id = ? and user_id > ? order by user_id limit ?")
                .params(workspaceId, after == null ? Tenants.NIL : after, limit).query(Memberships::map).list();
    }

    /** Distinct users with any role in the agency or one of its workspaces (the {@code members} quota). */
    public long countPeople(UUID tenantId) {
        return jdbc.sql("""
                select count(*) from (
                    select user_id from tenant_member where tenant_id = :tenant
                    union
                    select user_id from workspace_member where tenant_id = :tenant) people""")
                .param("tenant", tenantId).query(Long.class).single();
    }

    /** Whether the user holds any role in the agency or one of its workspaces. */
    public boolean isPerson(UUID tenantId, UUID userId) {
        return countRoles(tenantId, userId) > 0;
    }

    /** Whether someone with this email holds any role in the agency (a cheap check before asking Keycloak). */
    public boolean isPersonWithEmail(UUID tenantId, String email) {
        return jdbc.sql("""
                select exists (select 1 from tenant_member where tenant_id = :tenant and email = :email)
                    or exists (select 1 from workspace_member where tenant_id = :tenant and email = :email)""")
                .param("tenant", tenantId).param("email", email).query(Boolean.class).single();
    }

    /** Whether someone with this email already holds a role on the agency itself ({@code workspaceId} null) or on the workspace. */
    public boolean holdsRoleWithEmail(UUID tenantId, @Nullable UUID workspaceId, String email) {
        if (workspaceId == null) {
            return jdbc.sql("select exists (select 1 from tenant_member where tenant_id = ? and email = ?)")
                    .params(tenantId, email).query(Boolean.class).single();
        }
        return jdbc.sql("select exists (select 1 from workspace_member where workspace_id = ? and email = ?)")
                .params(workspaceId, email).query(Boolean.class).single();
    }

    /** How many roles the user holds in the agency and its workspaces together. */
    public int countRoles(UUID tenantId, UUID userId) {
        return jdbc.sql("""
                select (select count(*) from tenant_member where tenant_id = :tenant and user_id = :user)
                     + (select count(*) from workspace_member where tenant_id = :tenant and user_id = :user)""")
                .param("tenant", tenantId).param("user", userId).query(Integer.class).single();
    }

    int countAgencyAdmins(UUID tenantId) {
        return jdbc.sql("select count(*) from tenant_member where tenant_id = ? and role = ?")
                .params(tenantId, Role.AGENCY_ADMIN.value()).query(Integer.class).single();
    }

    private static void requireAgencyRole(Role role) {
        if (!role.tenantWide()) {
            throw new IllegalArgumentException(role.value() + " is not an agency role");
        }
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getString("email"),
                rs.getString("name"), Role.fromValue(rs.getString("role")).orElseThrow(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
