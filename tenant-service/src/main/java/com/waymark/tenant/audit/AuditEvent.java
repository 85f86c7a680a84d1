package com.waymark.tenant.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One control-plane change.
 *
 * @param action  {@code <target>.<what happened>}, e.g. {@code tenant.suspended}, {@code member.role-changed}
 * @param details facts about the change (names, roles, changed fields); never a password or token
 * @param ip      the caller's address: first hop of {@code X-Forwarded-For}, else the peer address
 */
public record AuditEvent(UUID id, Instant at, Actor actor, String action, Target target, UUID tenantId,
        @Nullable UUID workspaceId, JsonNode details, @Nullable String ip, @Nullable String userAgent) {

    /** Who did it: the token subject and username, or {@code system} for work without a caller. */
    public record Actor(String userId, String username) {
    }

    /** What it was done to: {@code tenant}, {@code workspace} or {@code member} and its id. */
    public record Target(String type, String id) {
    }
}
