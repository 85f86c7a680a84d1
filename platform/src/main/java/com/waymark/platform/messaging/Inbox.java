package com.waymark.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * Remembers which events a consumer has applied, in the same transaction as the effect, so a
 * redelivered event (broker retry, relay re-send) changes nothing the second time.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Returns false when {@code consumer} had already handled this event. */
    public boolean handleOnce(String consumer, EventEnvelope event, EventHandler handler) {
        TenantContext context = new TenantContext(event.tenantId(), event.workspaceId());
        Boolean applied = TenantContextHolder.callAs(context, () -> transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into inbox (consumer, event_id, event_type) values (?, ?, ?)
                    on conflict do nothing""")
                    .params(consumer, event.id(), event.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        }));
        return Boolean.TRUE.equals(applied);
    }
}
