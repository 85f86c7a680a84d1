package com.waymark.tenant.invitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.access.Role;
import com.waymark.tenant.tenant.Tenants;

/**
 * {@code invitation} (tenant-owned: call with the agency's tenant-wide context) and
 * {@code invitation_link} (token hash → ids, read before any context exists).
 */
@Repository
class Invitations {

    /** Where an anonymous token leads. */
    record Link(UUID tenantId, @Nullable UUID workspaceId, UUID invitationId) {
    }

    private static final String COLUMNS = "id, tenant_id, workspace_id, email, name, role, created_by, created_at, expires_at, "
            + "accepted_at, revoked_at";
    private static final String PENDING = "accepted_at is null and revoked_at is null and expires_at > now()";

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Invitation invitation, String tokenHash) {
        jdbc.sql("insert into invitation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(invitation.id(), invitation.tenantId(), invitation.workspaceId(), invitation.email(), invitation.name(),
                        invitation.role().value(), invitation.createdBy(), Timestamp.from(invitation.createdAt()),
                        Timestamp.from(invitation.expiresAt()), null, null)
                .update();
        jdbc.sql("insert into invitation_link (token_hash, tenant_id, workspace_id, invitation_id) values (?, ?, ?, ?)")
                .params(tokenHash, invitation.tenantId(), invitation.workspaceId(), invitation.id()).update();
    }

    Optional<Link> link(String tokenHash) {
        return jdbc.sql("select tenant_id, workspace_id, invitation_id from invitation_link where token_hash = ?")
                .param(tokenHash)
                .query((rs, i) -> new Link(rs.getObject("tenant_id", UUID.class), rs.getObject("workspace_id", UUID.class),
                        rs.getObject("invitation_id", UUID.class)))
                .optional();
    }

    /** The invitation of this scope (the agency itself when {@code workspaceId} is null). */
    Optional<Invitation> find(UUID tenantId, @Nullable UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invitation where tenant_id = ? and id = ? and workspace_id is not distinct from ?")
                .params(tenantId, id, workspaceId).query(Invitations::map).optional();
    }

    Optional<Invitation> lock(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invitation where tenant_id = ? and id = ? for update")
                .params(tenantId, id).query(Invitations::map).optional();
    }

    /** Pending invitations of the scope, oldest first: {@code limit} rows after {@code after}. */
    List<Invitation> pending(UUID tenantId, @Nullable UUID workspaceId, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from invitation where tenant_id = ? and workspace_id is not distinct from ? and "
                + PENDING + " and id > ? order by id limit ?")
                .params(tenantId, workspaceId, after == null ? Tenants.NIL : after, limit).query(Invitations::map).list();
    }

    boolean pendingFor(UUID tenantId, @Nullable UUID workspaceId, String email) {
        return jdbc.sql("select exists (select 1 from invitation where tenant_id = ? and workspace_id is not distinct from ? "
                + "and email = ? and " + PENDING + ")")
                .params(tenantId, workspaceId, email).query(Boolean.class).single();
    }

    /**
     * People a pending invitation may still bring in: distinct invited e-mails of no one who already
     * holds a role in the agency. They count against the member quota like members do.
     */
    long pendingNewPeople(UUID tenantId) {
        return jdbc.sql("""
                select count(distinct email) from invitation i
                where i.tenant_id = :tenant and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
                  and not exists (select 1 from tenant_member m where m.tenant_id = :tenant and m.email = i.email)
                  and not exists (select 1 from workspace_member m where m.tenant_id = :tenant and m.email = i.email)""")
                .param("tenant", tenantId).query(Long.class).single();
    }

    void revoke(UUID tenantId, UUID id, Instant at) {
        jdbc.sql("update invitation set revoked_at = ? where tenant_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(at), tenantId, id).update();
    }

    void accept(UUID tenantId, UUID id, UUID userId, Instant at) {
        jdbc.sql("update invitation set accepted_at = ?, accepted_by = ? where tenant_id = ? and id = ?")
                .params(Timestamp.from(at), userId, tenantId, id).update();
    }

    private static Invitation map(ResultSet rs, int row) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), rs.getString("email"), rs.getString("name"),
                Role.fromValue(rs.getString("role")).orElseThrow(), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "expires_at"), nullableInstant(rs, "accepted_at"),
                nullableInstant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
