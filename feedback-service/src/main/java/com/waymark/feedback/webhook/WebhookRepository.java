package com.waymark.feedback.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhooks, under the tenant context (row-level security). */
@Repository
class WebhookRepository {

    private static final String COLUMNS = """
            id, tenant_id, workspace_id, url, description, events, active, secret, version, created_at, updated_at""";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the idempotency key was used already (nothing written then). */
    boolean insert(Webhook webhook, @Nullable String idempotencyKey) {
        return jdbc.sql("""
                insert into webhook (tenant_id, workspace_id, id, url, description, events, active, secret, version,
                                     idempotency_key, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(webhook.tenantId(), webhook.workspaceId(), webhook.id(), webhook.url(), webhook.description(),
                        webhook.events().toArray(String[]::new), webhook.active(), webhook.sealedSecret(), webhook.version(),
                        idempotencyKey, timestamp(webhook.createdAt()), timestamp(webhook.updatedAt()))
                .update() == 1;
    }

    void update(Webhook webhook) {
        jdbc.sql("""
                update webhook set url = ?, description = ?, events = ?, active = ?, version = ?, updated_at = ?
                where workspace_id = ? and id = ?""")
                .params(webhook.url(), webhook.description(), webhook.events().toArray(String[]::new), webhook.active(),
                        webhook.version(), timestamp(webhook.updatedAt()), webhook.workspaceId(), webhook.id())
                .update();
    }

    /** Deletes the webhook with its delivery log; false when unknown. */
    boolean delete(UUID workspaceId, UUID id) {
        return jdbc.sql("delete from webhook where workspace_id = ? and id = ?").params(workspaceId, id).update() == 1;
    }

    Optional<Webhook> find(UUID workspaceId, UUID id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from webhook where workspace_id = ? and id = ?" + (forUpdate ? " for update" : ""))
                .params(workspaceId, id).query(this::map).optional();
    }

    Optional<Webhook> findByIdempotencyKey(UUID workspaceId, String key) {
        return jdbc.sql("select " + COLUMNS + " from webhook where workspace_id = ? and idempotency_key = ?")
                .params(workspaceId, key).query(this::map).optional();
    }

    /** Newest first; {@code limit + 1} rows so the caller can tell whether there is a next page. */
    List<Webhook> list(UUID workspaceId, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from webhook where workspace_id = :workspace and (cast(:after as uuid) is null or id < :after)
                order by id desc limit :limit""")
                .param("workspace", workspaceId).param("after", after).param("limit", limit + 1)
                .query(this::map).list();
    }

    /** The active webhooks of the workspace that subscribed to {@code event}. */
    List<Webhook> subscribedTo(UUID workspaceId, String event) {
        return jdbc.sql("select " + COLUMNS + " from webhook where workspace_id = ? and active and ? = any(events) order by id")
                .params(workspaceId, event).query(this::map).list();
    }

    private Webhook map(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new Webhook(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), rs.getString("url"), rs.getString("description"),
                List.of((String[]) events.getArray()), rs.getBoolean("active"), rs.getString("secret"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
