package com.waymark.metrics.alert;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import com.waymark.metrics.rollup.RollupsChanged;

/**
 * Debounces evaluation: a workspace whose rollups or rules changed is noted after commit, and every
 * {@code waymark.metrics.alerts.interval} the noted workspaces are evaluated once each. Every
 * {@code sweep-interval} all workspaces are evaluated, for windows that slide without new answers.
 * A note lost in a restart is caught by the next sweep.
 */
@Component
class AlertScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final AlertEvaluator evaluator;
    private final AlertProperties properties;
    private final JdbcClient jdbc;
    private final Map<UUID, UUID> due = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    AlertScheduler(AlertEvaluator evaluator, AlertProperties properties, JdbcClient jdbc) {
        this.evaluator = evaluator;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void rollupsChanged(RollupsChanged changed) {
        due.put(changed.workspaceId(), changed.tenantId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void rulesChanged(RulesChanged changed) {
        due.put(changed.workspaceId(), changed.tenantId());
    }

    void evaluateDue() {
        for (UUID workspaceId : due.keySet()) {
            UUID tenantId = due.remove(workspaceId);
            if (tenantId != null) {
                evaluateQuietly(tenantId, workspaceId);
            }
        }
    }

    void sweep() {
        // the access model is the platform's and carries no row-level security: it lists every workspace
        jdbc.sql("select workspace_id, tenant_id from access_workspace order by workspace_id")
                .query((rs, i) -> Map.entry(rs.getObject("workspace_id", UUID.class), rs.getObject("tenant_id", UUID.class)))
                .list()
                .forEach(workspace -> evaluateQuietly(workspace.getValue(), workspace.getKey()));
    }

    private void evaluateQuietly(UUID tenantId, UUID workspaceId) {
        try {
            evaluator.evaluate(tenantId, workspaceId);
        } catch (RuntimeException e) {
            log.warn("Evaluating the alert rules of workspace {} failed; retrying with the next sweep", workspaceId, e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "alert-evaluator");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, properties.interval().toMillis());
        long sweep = Math.max(1, properties.sweepInterval().toMillis());
        started.scheduleWithFixedDelay(this::evaluateDue, interval, interval, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(this::sweepQuietly, sweep, sweep, TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Alert sweep failed", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
