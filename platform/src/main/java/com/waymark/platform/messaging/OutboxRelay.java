package com.waymark.platform.messaging;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows with publisher confirms, then marks them sent. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so several instances of a service can relay side by side.
 * Delivery is at-least-once; consumers de-duplicate through their inbox.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final MessagingProperties properties;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RabbitTemplate rabbit,
            MessagingProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rabbit = rabbit;
        this.properties = properties;
    }

    /** Called after a commit that wrote events: publish now instead of at the next poll. */
    public void nudge() {
        pending.set(true);
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.execute(this::drainSafely);
        }
    }

    /** Publishes everything unsent; returns how many events went out. */
    public int drain() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == properties.relayBatchSize());
        return total;
    }

    private void drainSafely() {
        try {
            if (pending.getAndSet(false)) {
                drain();
            }
        } catch (RuntimeException e) {
            pending.set(true);
            log.warn("Outbox relay round failed; will retry: {}", e.getMessage());
        }
    }

    private int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.sql("""
                    select id, type, tenant_id, workspace_id, payload::text as payload from outbox
                    where sent_at is null order by id limit ? for update skip locked""")
                    .param(properties.relayBatchSize())
                    .query((rs, i) -> new OutboxRow(rs.getObject("id", UUID.class), rs.getString("type"),
                            rs.getObject("tenant_id", UUID.class), rs.getObject("workspace_id", UUID.class),
                            rs.getString("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            rabbit.invoke(operations -> {
                for (OutboxRow row : rows) {
                    operations.send(properties.exchange(), row.type(), MessageBuilder
                            .withBody(row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                            .setContentEncoding("UTF-8")
                            .setMessageId(row.id().toString())
                            .setType(row.type())
                            .setHeader("tenantId", row.tenantId().toString())
                            .setHeader("workspaceId", row.workspaceId() == null ? null : row.workspaceId().toString())
                            .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                            .build());
                }
                operations.waitForConfirmsOrDie(properties.confirmTimeout().toMillis());
                return null;
            });
            jdbc.sql("update outbox set sent_at = now() where id in (:ids)")
                    .param("ids", rows.stream().map(OutboxRow::id).toList())
                    .update();
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.relayInterval().toMillis();
        started.scheduleWithFixedDelay(() -> {
            pending.set(true);
            drainSafely();
        }, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record OutboxRow(UUID id, String type, UUID tenantId, UUID workspaceId, String payload) {
    }
}
