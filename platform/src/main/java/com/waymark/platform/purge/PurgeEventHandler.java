package com.waymark.platform.purge;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.PurgeCompleted;
import com.waymark.platform.events.TenantDeleted;
import com.waymark.platform.events.WorkspaceDeleted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventHandler;
import com.waymark.platform.messaging.Outbox;

/**
 * On {@code tenant.tenant.deleted} / {@code tenant.workspace.deleted}: removes the scope's rows,
 * remembers the scope as purged (so late events for it are dropped, not resurrected), and reports
 * {@code <service>.purge.completed} — all in one transaction with the inbox row.
 */
public class PurgeEventHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(PurgeEventHandler.class);

    private final TablePurger purger;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final JsonMapper json;
    private final String service;

    public PurgeEventHandler(TablePurger purger, JdbcClient jdbc, Outbox outbox, JsonMapper json, String service) {
        this.purger = purger;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.service = service;
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID tenantId;
        @Nullable UUID workspaceId;
        if (EventTypes.TENANT_DELETED.equals(event.type())) {
            tenantId = json.treeToValue(event.data(), TenantDeleted.class).tenantId();
            workspaceId = null;
        } else if (EventTypes.WORKSPACE_DELETED.equals(event.type())) {
            WorkspaceDeleted deleted = json.treeToValue(event.data(), WorkspaceDeleted.class);
            tenantId = deleted.tenantId();
            workspaceId = deleted.workspaceId();
        } else {
            return;
        }
        long rows = purger.purge(tenantId, workspaceId);
        jdbc.sql("insert into purged_scope (scope_id) values (?) on conflict do nothing")
                .param(workspaceId == null ? tenantId : workspaceId).update();
        outbox.append(EventTypes.purgeCompleted(service), 1, tenantId, workspaceId,
                new PurgeCompleted(service, tenantId, workspaceId, rows));
        log.info("Purged {} rows of {} {}", rows, workspaceId == null ? "tenant" : "workspace",
                workspaceId == null ? tenantId : workspaceId);
    }
}
