package com.waymark.platform.messaging;

import org.springframework.jdbc.core.simple.JdbcClient;
import com.waymark.platform.events.EventTypes;
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

    private static long lockKey(EventEnvelope event) {
        return event.tenantId().getMostSignificantBits() ^ event.tenantId().getLeastSignificantBits();
    }

    private boolean aboutPurgedScope(EventEnvelope event) {
        return jdbc.sql("select exists (select 1 from purged_scope where scope_id = ? or scope_id = ?)")
                .params(event.tenantId(), event.workspaceId() == null ? event.tenantId() : event.workspaceId())
                .query(Boolean.class).single();
    }

    private static boolean isPurgeBookkeeping(EventEnvelope event) {
        return event.type().endsWith(".purge.completed") || EventTypes.TENANT_DELETED.equals(event.type())
                || EventTypes.WORKSPACE_DELETED.equals(event.type());
    }

    /**
     * Returns false when {@code consumer} had already handled this event, or when it concerns a
     * tenant or workspace already purged here.
     */
    public boolean handleOnce(String consumer, EventEnvelope event, EventHandler handler) {
        TenantContext context = new TenantContext(event.tenantId(), event.workspaceId());
        Boolean applied = TenantContextHolder.callAs(context, () -> transactions.execute(status -> {
            // one event of a tenant at a time in this service, across its queues: a purge and a late
            // access change for the same tenant must not interleave (the late one would outlive the purge)
            jdbc.sql("select pg_advisory_xact_lock(?)").param(lockKey(event)).query(Object.class).single();
            int inserted = jdbc.sql("""
                    insert into inbox (consumer, event_id, event_type) values (?, ?, ?)
                    on conflict do nothing""")
                    .params(consumer, event.id(), event.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            if (!isPurgeBookkeeping(event) && aboutPurgedScope(event)) {
                return false; // its tenant or workspace was deleted here already: do not bring data back
            }
            handler.handle(event);
            return true;
        }));
        return Boolean.TRUE.equals(applied);
    }
}
