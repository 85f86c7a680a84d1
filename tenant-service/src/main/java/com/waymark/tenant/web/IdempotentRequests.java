package com.waymark.tenant.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.security.CurrentUser;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * {@code Idempotency-Key} on creating POSTs. The first request with a key is remembered per caller,
 * route (the concrete path) and key for {@link #RETENTION}; a retry with the same key and the same
 * body gets the first answer again (same status and body, plus {@code Idempotent-Replayed: true}) —
 * except one-time secrets (temporary password, invitation link), which are never stored and so never
 * shown twice. The same key with another body is 409 on {@code Idempotency-Key}; so is a retry while
 * the first request is still running. A request that failed is forgotten: its key may be used again.
 * Without the header nothing changes.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    /** Marks a request still in progress. */
    private static final int IN_PROGRESS = 0;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Runs a creating request of the agency {@code tenantId} once per key.
     *
     * @param request       the validated body (its JSON form is what "the same body" means)
     * @param withoutSecret the answer as it may be stored and replayed
     */
    public <T> ResponseEntity<T> once(UUID tenantId, @Nullable String key, Object request, Class<T> type,
            Supplier<ResponseEntity<T>> work, UnaryOperator<T> withoutSecret) {
        if (key == null) {
            return work.get();
        }
        String checkedKey = check(key);
        String caller = CurrentUser.require().userId();
        String route = route();
        String hash = hash(request);
        Optional<Stored> earlier = inTenant(tenantId, () -> {
            jdbc.sql("delete from idempotent_request where tenant_id = ? and caller = ? and route = ? and key = ? and expires_at <= now()")
                    .params(tenantId, caller, route, checkedKey).update();
            Optional<Stored> found = jdbc.sql("""
                    select request_hash, status, body::text as body, location from idempotent_request
                    where tenant_id = ? and caller = ? and route = ? and key = ?""")
                    .params(tenantId, caller, route, checkedKey)
                    .query((rs, i) -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("body"),
                            rs.getString("location")))
                    .optional();
            if (found.isEmpty()) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                int inserted = jdbc.sql("""
                        insert into idempotent_request (tenant_id, caller, route, key, request_hash, status, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(tenantId, caller, route, checkedKey, hash, IN_PROGRESS, Timestamp.from(now),
                                Timestamp.from(now.plus(RETENTION)))
                        .update();
                if (inserted == 0) {
                    return Optional.of(new Stored(hash, IN_PROGRESS, null, null));
                }
            }
            return found;
        });
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash, type);
        }
        ResponseEntity<T> answer;
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            inTenant(tenantId, () -> jdbc.sql("delete from idempotent_request where tenant_id = ? and caller = ? and route = ? and key = ?")
                    .params(tenantId, caller, route, checkedKey).update());
            throw e;
        }
        T body = answer.getBody();
        String stored = body == null ? null : json.writeValueAsString(withoutSecret.apply(body));
        URI location = answer.getHeaders().getLocation();
        inTenant(tenantId, () -> jdbc.sql("""
                update idempotent_request set status = ?, body = cast(? as jsonb), location = ?
                where tenant_id = ? and caller = ? and route = ? and key = ?""")
                .params(answer.getStatusCode().value(), stored, location == null ? null : location.toString(), tenantId, caller,
                        route, checkedKey)
                .update());
        return answer;
    }

    /** What the platform admin's agency creation remembers: the agency and its first admin. */
    public record CreatedIds(UUID tenantId, UUID adminUserId) {
    }

    /**
     * {@link #once} for the platform admin's agency creation, which runs before any tenant context
     * exists: only ids are kept, and a replay is rebuilt from them by {@code rebuild}.
     */
    public <T> ResponseEntity<T> onceAtPlatformLevel(@Nullable String key, Object request, Supplier<ResponseEntity<T>> work,
            Function<T, CreatedIds> idsOf, Function<CreatedIds, ResponseEntity<T>> rebuild) {
        if (key == null) {
            return work.get();
        }
        String checkedKey = check(key);
        String caller = CurrentUser.require().userId();
        String hash = hash(request);
        record Earlier(String hash, @Nullable UUID tenantId, @Nullable UUID adminUserId) {
        }
        Optional<Earlier> earlier = TenantContextHolder.callAs(null, () -> transactions.execute(status -> {
            jdbc.sql("delete from admin_idempotent_request where caller = ? and key = ? and expires_at <= now()")
                    .params(caller, checkedKey).update();
            Optional<Earlier> found = jdbc.sql("select request_hash, tenant_id, admin_user_id from admin_idempotent_request "
                    + "where caller = ? and key = ?").params(caller, checkedKey)
                    .query((rs, i) -> new Earlier(rs.getString("request_hash"), rs.getObject("tenant_id", UUID.class),
                            rs.getObject("admin_user_id", UUID.class)))
                    .optional();
            if (found.isEmpty()) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                int inserted = jdbc.sql("""
                        insert into admin_idempotent_request (caller, key, request_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(caller, checkedKey, hash, Timestamp.from(now), Timestamp.from(now.plus(RETENTION))).update();
                if (inserted == 0) {
                    return Optional.of(new Earlier(hash, null, null));
                }
            }
            return found;
        }));
        if (earlier.isPresent()) {
            Earlier found = earlier.get();
            requireSameRequest(found.hash(), hash);
            if (found.tenantId() == null || found.adminUserId() == null) {
                throw inProgress();
            }
            ResponseEntity<T> rebuilt = rebuild.apply(new CreatedIds(found.tenantId(), found.adminUserId()));
            return ResponseEntity.status(rebuilt.getStatusCode()).headers(rebuilt.getHeaders()).header(REPLAYED, "true")
                    .body(rebuilt.getBody());
        }
        ResponseEntity<T> answer;
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            TenantContextHolder.callAs(null, () -> transactions.execute(status -> jdbc
                    .sql("delete from admin_idempotent_request where caller = ? and key = ?").params(caller, checkedKey).update()));
            throw e;
        }
        CreatedIds ids = idsOf.apply(java.util.Objects.requireNonNull(answer.getBody()));
        TenantContextHolder.callAs(null, () -> transactions.execute(status -> jdbc
                .sql("update admin_idempotent_request set tenant_id = ?, admin_user_id = ? where caller = ? and key = ?")
                .params(ids.tenantId(), ids.adminUserId(), caller, checkedKey).update()));
        return answer;
    }

    private record Stored(String hash, int status, @Nullable String body, @Nullable String location) {
    }

    private <T> ResponseEntity<T> replay(Stored stored, String hash, Class<T> type) {
        requireSameRequest(stored.hash(), hash);
        if (stored.status() == IN_PROGRESS) {
            throw inProgress();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).header(REPLAYED, "true");
        if (stored.location() != null) {
            answer.header(HttpHeaders.LOCATION, stored.location());
        }
        return stored.body() == null ? answer.build() : answer.body(json.readValue(stored.body(), type));
    }

    private static void requireSameRequest(String storedHash, String hash) {
        if (!storedHash.equals(hash)) {
            throw new ConflictException(HEADER, "was already used for a different request; use a new key for a new request");
        }
    }

    private static ConflictException inProgress() {
        return new ConflictException(HEADER, "a request with this key is still being processed; retry shortly");
    }

    /** 1 to 200 printable ASCII characters (a UUID is the usual choice). */
    static String check(String key) {
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ValidationException(HEADER, "must be 1 to 200 printable ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String route() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return request.getMethod() + " " + request.getRequestURI();
    }

    private <R> R inTenant(UUID tenantId, Supplier<R> work) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> transactions.execute(status -> work.get()));
    }
}
