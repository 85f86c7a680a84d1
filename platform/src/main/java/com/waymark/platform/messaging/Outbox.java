package com.waymark.platform.messaging;

import java.sql.Timestamp;
import java.time.Instant;
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
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
        return event;
    }
}
