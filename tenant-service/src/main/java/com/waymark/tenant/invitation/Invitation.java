package com.waymark.tenant.invitation;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.access.Role;

/**
 * An invitation to an agency role ({@code workspaceId} null) or a client role on one workspace.
 *
 * @param createdBy the inviting user's id
 */
record Invitation(UUID id, UUID tenantId, @Nullable UUID workspaceId, String email, String name, Role role,
        String createdBy, Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant revokedAt) {

    enum State { PENDING, EXPIRED, ACCEPTED, REVOKED }

    State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        return now.isBefore(expiresAt) ? State.PENDING : State.EXPIRED;
    }
}
