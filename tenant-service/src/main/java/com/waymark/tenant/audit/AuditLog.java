package com.waymark.tenant.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.security.CurrentUser;
import com.waymark.tenant.audit.AuditEvent.Actor;

/**
 * Writes audit rows in the transaction of the change they describe (like the outbox): a change is
 * audited if and only if it was committed. The actor comes from the validated token, the address
 * and user agent from the current request. Call it with the agency's tenant-wide context set.
 */
@Component
public class AuditLog {

    static final int USER_AGENT_MAX = 512;
    private static final Actor SYSTEM = new Actor("system", "system");
    private static final ThreadLocal<Actor> ACTING = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param details facts a reader needs; never secrets (no passwords, tokens or client secrets) */
    public void record(UUID tenantId, @Nullable UUID workspaceId, String action, String targetType, Object targetId,
            Map<String, ?> details) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("AuditLog.record needs the transaction of the change it describes");
        }
        Actor actor = currentActor();
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                insert into audit_event (tenant_id, id, at, actor_user_id, actor_username, action, target_type, target_id,
                                         workspace_id, details, ip, user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(tenantId, Uuids.timeOrdered(), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)),
                        actor.userId(), actor.username(), action, targetType, String.valueOf(targetId), workspaceId,
                        json.writeValueAsString(details), request == null ? null : clientAddress(request),
                        request == null ? null : truncate(request.getHeader("User-Agent")))
                .update();
    }

    /** The first hop of {@code X-Forwarded-For} (the client as the gateway saw it), else the peer address. */
    static @Nullable String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0].trim();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }

    private static @Nullable String truncate(@Nullable String value) {
        return value == null || value.length() <= USER_AGENT_MAX ? value : value.substring(0, USER_AGENT_MAX);
    }

    /**
     * Runs {@code work} with audit rows attributed to {@code userId} — for anonymous requests that act
     * for a known person (someone accepting an invitation becomes the actor of their own joining).
     */
    public <T> T actingAs(String userId, String username, java.util.function.Supplier<T> work) {
        Actor previous = ACTING.get();
        ACTING.set(new Actor(userId, username));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTING.remove();
            } else {
                ACTING.set(previous);
            }
        }
    }

    private static Actor currentActor() {
        Actor acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            CurrentUser user = CurrentUser.from(token.getToken());
            return new Actor(user.userId(), user.username());
        }
        return SYSTEM;
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
