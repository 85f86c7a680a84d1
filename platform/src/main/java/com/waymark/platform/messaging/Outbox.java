package com.waymark.platform.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the same transaction as the change it describes; {@link OutboxRelay}
 * publishes it after commit. So an event is sent if and only if the change was committed.
 */
public class Outbox {

    private static final int MAX_ROWS_PER_STATEMENT = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /** Must run inside a transaction: an event without its change (or vice versa) is a bug. */
    public EventEnvelope append(String type, int version, UUID tenantId, @Nullable UUID workspaceId, Object data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs a transaction around the change and its event");
        }
        EventEnvelope event = new EventEnvelope(Uuids.timeOrdered(), type, version, Instant.now(), tenantId, workspaceId,
                json.valueToTree(data));
        jdbc.sql("""
                insert into outbox (id, type, version, occurred_at, tenant_id, workspace_id, payload)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(event.id(), type, version, Timestamp.from(event.occurredAt()), tenantId, workspaceId,
                        json.writeValueAsString(event))
                .update();
        nudgeAfterCommit();
        return event;
    }

    /** One event of a batch: who it belongs to and its contract record. */
    public record Pending(UUID tenantId, @Nullable UUID workspaceId, Object data) {
    }

    /**
     * Like {@link #append} for many events of one type, in one statement: for writers that store many
     * changes per transaction (batched ingestion), where a round trip per event would cost more than the change.
     */
    public List<EventEnvelope> appendAll(String type, int version, List<Pending> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.appendAll needs a transaction around the changes and their events");
        }
        List<EventEnvelope> appended = new ArrayList<>(events.size());
        // bounded so a statement stays well below PostgreSQL's 65,535 parameters
        for (int from = 0; from < events.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<Pending> chunk = events.subList(from, Math.min(events.size(), from + MAX_ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "insert into outbox (id, type, version, occurred_at, tenant_id, workspace_id, payload) values ");
            List<Object> params = new ArrayList<>(chunk.size() * 7);
            Instant now = Instant.now();
            for (Pending pending : chunk) {
                EventEnvelope event = new EventEnvelope(Uuids.timeOrdered(), type, version, now, pending.tenantId(),
                        pending.workspaceId(), json.valueToTree(pending.data()));
                sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb))");
                params.add(event.id());
                params.add(type);
                params.add(version);
                params.add(Timestamp.from(now));
                params.add(event.tenantId());
                params.add(event.workspaceId());
                params.add(json.writeValueAsString(event));
                appended.add(event);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        if (!appended.isEmpty()) {
            nudgeAfterCommit();
        }
        return appended;
    }

    private void nudgeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
    }
}
