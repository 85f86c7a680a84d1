package com.waymark.metrics.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.metrics.map.MapReadModel;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Histogram;
import com.waymark.metrics.score.Metric;
import com.waymark.metrics.score.Scores;
import com.waymark.platform.events.AlertRaised;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * Evaluates a workspace's enabled rules against its rollups. The window is the last {@code window}
 * local days (of the workspace's time zone) up to today; a drop compares with the {@code window} days before. A rule fires only with
 * n ≥ minN (in both windows for a drop): {@code below} when the value is below the threshold,
 * {@code drop} when it fell by at least the threshold. A rule raises an alert when it starts firing
 * and has no open alert; the alert and its {@code metrics.alert.raised} event are written in one
 * transaction. Rules are locked while evaluated, so concurrent evaluations of a workspace queue up.
 */
@Service
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertStore store;
    private final MapReadModel map;
    private final RollupReader rollups;
    private final Scores scores;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MetricSettings settings;

    AlertEvaluator(AlertStore store, MapReadModel map, RollupReader rollups, Scores scores, Outbox outbox,
            TransactionTemplate transactions, Clock clock, MetricSettings settings) {
        this.settings = settings;
        this.store = store;
        this.map = map;
        this.rollups = rollups;
        this.scores = scores;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Evaluates now, in its own transaction and the workspace's tenant context; returns the alerts raised. */
    public List<Alert> evaluate(UUID tenantId, UUID workspaceId) {
        List<Alert> raised = TenantContextHolder.callAs(TenantContext.ofWorkspace(tenantId, workspaceId),
                () -> transactions.execute(status -> evaluateInTransaction(tenantId, workspaceId)));
        return raised == null ? List.of() : raised;
    }

    private List<Alert> evaluateInTransaction(UUID tenantId, UUID workspaceId) {
        // windows are days of the workspace's time zone, like its rollups
        LocalDate today = LocalDate.now(clock.withZone(settings.zone(workspaceId)));
        List<Alert> raised = new java.util.ArrayList<>();
        for (AlertRule rule : store.lockEnabledRules(workspaceId)) {
            Metric metric = Metric.fromValue(rule.metric()).orElseThrow();
            Collection<UUID> touchpoints = touchpoints(workspaceId, rule.scope());
            // a journey's figure includes its journey-level responses, as in the summary
            UUID journey = "journey".equals(rule.scope().type()) ? rule.scope().id() : null;
            LocalDate from = today.minusDays(rule.window() - 1L);
            Estimate current = estimate(workspaceId, metric, from, today, touchpoints, journey, rule.minN());
            Estimate previous = null;
            boolean fires;
            if (rule.condition().type().equals("below")) {
                fires = current.enough() && current.value() != null && current.value() < rule.condition().threshold();
            } else {
                previous = estimate(workspaceId, metric, from.minusDays(rule.window()), from.minusDays(1), touchpoints,
                        journey, rule.minN());
                fires = current.enough() && previous.enough() && current.value() != null && previous.value() != null
                        && previous.value() - current.value() >= rule.condition().threshold();
            }
            if (fires && !rule.firing()) {
                Alert alert = new Alert(Uuids.timeOrdered(), rule.ruleId(), rule.metric(), rule.scope(), rule.condition(),
                        current.value(), previous == null ? null : previous.value(), current.n(),
                        reason(rule, current, previous), Alert.OPEN, clock.instant(), null, null);
                if (store.insertOpenAlert(tenantId, workspaceId, alert)) {
                    outbox.append(EventTypes.ALERT_RAISED, 1, tenantId, workspaceId, new AlertRaised(alert.alertId(),
                            rule.ruleId(), rule.metric(), rule.scope().type(), rule.scope().id(), alert.value(),
                            (int) Math.min(Integer.MAX_VALUE, alert.n()), alert.reason()));
                    raised.add(alert);
                    log.info("Alert {} raised by rule {}: {}", alert.alertId(), rule.ruleId(), alert.reason());
                }
            }
            if (fires != rule.firing()) {
                store.setFiring(workspaceId, rule.ruleId(), fires);
            }
        }
        return raised;
    }

    /** The touchpoints of the scope by the current map; null for the whole workspace. */
    private @Nullable Collection<UUID> touchpoints(UUID workspaceId, AlertRule.Scope scope) {
        UUID id = scope.id();
        return switch (scope.type()) {
            case "journey" -> map.touchpointsOf(workspaceId, java.util.Objects.requireNonNull(id));
            case "stage" -> map.touchpointsOfStage(workspaceId, java.util.Objects.requireNonNull(id));
            case "touchpoint" -> List.of(java.util.Objects.requireNonNull(id));
            default -> null;
        };
    }

    private Estimate estimate(UUID workspaceId, Metric metric, LocalDate from, LocalDate to,
            @Nullable Collection<UUID> touchpoints, @Nullable UUID journey, int minN) {
        Histogram histogram = rollups.histogram(workspaceId, metric, from, to, touchpoints, journey);
        Estimate estimate = scores.estimate(histogram);
        // the rule's own minimum n decides, not the workspace's display minimum
        return new Estimate(estimate.value(), estimate.n(), estimate.ciLow(), estimate.ciHigh(), estimate.n() >= minN,
                estimate.agreePct());
    }

    static String reason(AlertRule rule, Estimate current, @Nullable Estimate previous) {
        String metric = rule.metric().toUpperCase(Locale.ROOT);
        String scope = rule.scope().type() + (rule.scope().id() == null ? "" : " " + rule.scope().id());
        if (previous == null) {
            return String.format(Locale.ROOT, "%s of %s is %.1f (n=%d), below %s over the last %d days", metric, scope,
                    current.value(), current.n(), number(rule.condition().threshold()), rule.window());
        }
        return String.format(Locale.ROOT, "%s of %s fell %.1f points to %.1f (n=%d) from %.1f (n=%d) in the %d days before",
                metric, scope, previous.value() - current.value(), current.value(), current.n(), previous.value(),
                previous.n(), rule.window());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
