package com.waymark.feedback.webhook;

import static com.waymark.feedback.webhook.WebhookRepository.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.tenancy.TenantContext;

/**
 * The delivery log (row-level security) and the dispatch queue the sender works from (ids and times
 * only, no row-level security: it is read before any tenant context exists).
 */
@Repository
class DeliveryRepository {

    private static final String COLUMNS = """
            id, event_id, event_type, attempt, status, http_status, error, created_at, delivered_at, next_attempt_at,
            attempts::text as attempts""";

    /** A delivery due to be sent, claimed by this sender until its lease passes. */
    record Claim(UUID workspaceId, UUID deliveryId, UUID tenantId) {

        TenantContext context() {
            return TenantContext.ofWorkspace(tenantId, workspaceId);
        }
    }

    /** What an attempt needs: the delivery's fixed body and where and how to send it. */
    record Outgoing(UUID deliveryId, UUID webhookId, String event, String body, int attempt, String status, String url,
            String sealedSecret, boolean active) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new pending delivery, due now; false (nothing written) when this webhook has this event already. */
    boolean insertIfNew(UUID tenantId, UUID workspaceId, UUID id, UUID webhookId, UUID eventId, String event, String body,
            Instant now) {
        boolean inserted = jdbc.sql("""
                insert into webhook_delivery (tenant_id, workspace_id, id, webhook_id, event_id, event_type, body, status,
                                              created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                on conflict (workspace_id, webhook_id, event_id) do nothing""")
                .params(tenantId, workspaceId, id, webhookId, eventId, event, body, timestamp(now), timestamp(now))
                .update() == 1;
        if (inserted) {
            jdbc.sql("insert into webhook_dispatch (workspace_id, delivery_id, tenant_id, due_at) values (?, ?, ?, ?)")
                    .params(workspaceId, id, tenantId, timestamp(now)).update();
        }
        return inserted;
    }

    /**
     * Claims up to {@code limit} due deliveries of any tenant for {@code lease}. {@code SKIP LOCKED}
     * lets several senders (instances) claim side by side without waiting for or taking each other's rows.
     */
    List<Claim> claim(int limit, Duration lease) {
        return jdbc.sql("""
                update webhook_dispatch d set leased_until = now() + cast(:lease as interval)
                where (d.workspace_id, d.delivery_id) in (
                    select workspace_id, delivery_id from webhook_dispatch
                    where due_at <= now() and (leased_until is null or leased_until < now())
                    order by due_at limit :limit for update skip locked)
                returning d.workspace_id, d.delivery_id, d.tenant_id""")
                .param("lease", lease.toMillis() + " milliseconds").param("limit", limit)
                .query((rs, row) -> new Claim(rs.getObject("workspace_id", UUID.class), rs.getObject("delivery_id", UUID.class),
                        rs.getObject("tenant_id", UUID.class)))
                .list();
    }

    /** Under the claim's tenant context. */
    Optional<Outgoing> outgoing(UUID workspaceId, UUID deliveryId) {
        return jdbc.sql("""
                select d.id, d.webhook_id, d.event_type, d.body, d.attempt, d.status, w.url, w.secret, w.active
                from webhook_delivery d join webhook w on w.workspace_id = d.workspace_id and w.id = d.webhook_id
                where d.workspace_id = ? and d.id = ?""")
                .params(workspaceId, deliveryId)
                .query((rs, row) -> new Outgoing(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                        rs.getString("event_type"), rs.getString("body"), rs.getInt("attempt"), rs.getString("status"),
                        rs.getString("url"), rs.getString("secret"), rs.getBoolean("active")))
                .optional();
    }

    /**
     * Records an attempt: {@code status} is the delivery's new status; a pending one is due again at
     * {@code nextAttemptAt}, the others leave the dispatch queue.
     */
    void recordAttempt(UUID workspaceId, UUID deliveryId, Delivery.Attempt attempt, String status,
            @Nullable Instant nextAttemptAt) {
        jdbc.sql("""
                update webhook_delivery set attempt = :attempt, status = :status, http_status = :httpStatus, error = :error,
                       attempts = attempts || jsonb_build_array(cast(:entry as jsonb)),
                       delivered_at = case when :status = 'delivered' then cast(:at as timestamptz) else delivered_at end,
                       next_attempt_at = :next
                where workspace_id = :workspace and id = :id""")
                .param("attempt", attempt.attempt()).param("status", status).param("httpStatus", attempt.httpStatus())
                .param("error", attempt.error()).param("entry", json.writeValueAsString(attempt))
                .param("at", timestamp(attempt.at()))
                .param("next", nextAttemptAt == null ? null : timestamp(nextAttemptAt))
                .param("workspace", workspaceId).param("id", deliveryId)
                .update();
        if (nextAttemptAt == null) {
            release(workspaceId, deliveryId);
        } else {
            jdbc.sql("update webhook_dispatch set due_at = ?, leased_until = null where workspace_id = ? and delivery_id = ?")
                    .params(timestamp(nextAttemptAt), workspaceId, deliveryId).update();
        }
    }

    /** Takes a delivery off the dispatch queue (done, failed, or gone). */
    void release(UUID workspaceId, UUID deliveryId) {
        jdbc.sql("delete from webhook_dispatch where workspace_id = ? and delivery_id = ?").params(workspaceId, deliveryId).update();
    }

    /** Newest first; {@code limit + 1} rows so the caller can tell whether there is a next page. */
    List<Delivery> list(UUID workspaceId, UUID webhookId, @Nullable String status, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from webhook_delivery
                where workspace_id = :workspace and webhook_id = :webhook
                  and (cast(:status as text) is null or status = :status)
                  and (cast(:after as uuid) is null or id < :after)
                order by id desc limit :limit""")
                .param("workspace", workspaceId).param("webhook", webhookId).param("status", status).param("after", after)
                .param("limit", limit + 1)
                .query(this::map).list();
    }

    private Delivery map(ResultSet rs, int row) throws SQLException {
        Integer httpStatus = rs.getObject("http_status", Integer.class);
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                rs.getInt("attempt"), rs.getString("status"), httpStatus, rs.getString("error"),
                instant(rs, "created_at"), instant(rs, "delivered_at"), instant(rs, "next_attempt_at"),
                List.of(json.readValue(rs.getString("attempts"), Delivery.Attempt[].class)));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
