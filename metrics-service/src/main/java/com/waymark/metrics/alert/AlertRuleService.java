package com.waymark.metrics.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.metrics.map.MapReadModel;
import com.waymark.metrics.rollup.RollupReader;
import com.waymark.metrics.score.Metric;
import com.waymark.metrics.settings.MetricSettings;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/**
 * Alert rules: validation (every field at fault is named; nothing is written when one is), defaults
 * (window 7 days, minN = the workspace's metric settings, else 30, enabled) and CRUD. A scope id must
 * name a journey, stage or touchpoint this workspace knows, else 404 like any other workspace's id.
 */
@Service
class AlertRuleService {

    static final int DEFAULT_WINDOW = 7;
    static final int MAX_WINDOW = 365;
    static final int MAX_MIN_N = 1_000_000;

    private final AlertStore store;
    private final MapReadModel map;
    private final RollupReader rollups;
    private final ApplicationEventPublisher changes;
    private final MetricSettings settings;
    private final Clock clock;

    AlertRuleService(AlertStore store, MapReadModel map, RollupReader rollups, ApplicationEventPublisher changes,
            MetricSettings settings, Clock clock) {
        this.store = store;
        this.map = map;
        this.rollups = rollups;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public AlertRule create(UUID tenantId, UUID workspaceId, AlertRuleRequest request) {
        Instant now = clock.instant();
        AlertRule rule = validate(workspaceId, Uuids.timeOrdered(), request, now, now);
        store.insertRule(tenantId, workspaceId, rule);
        changes.publishEvent(new RulesChanged(tenantId, workspaceId));
        return store.findRule(workspaceId, rule.ruleId()).orElseThrow();
    }

    @Transactional
    public AlertRule replace(UUID tenantId, UUID workspaceId, UUID ruleId, AlertRuleRequest request) {
        AlertRule existing = get(workspaceId, ruleId);
        AlertRule rule = validate(workspaceId, ruleId, request, existing.createdAt(), clock.instant());
        store.updateRule(workspaceId, rule);
        changes.publishEvent(new RulesChanged(tenantId, workspaceId));
        return store.findRule(workspaceId, ruleId).orElseThrow();
    }

    @Transactional
    public void delete(UUID workspaceId, UUID ruleId) {
        if (!store.deleteRule(workspaceId, ruleId)) {
            throw new NotFoundException("Alert rule " + ruleId);
        }
    }

    @Transactional(readOnly = true)
    public AlertRule get(UUID workspaceId, UUID ruleId) {
        return store.findRule(workspaceId, ruleId).orElseThrow(() -> new NotFoundException("Alert rule " + ruleId));
    }

    @Transactional(readOnly = true)
    public Page<AlertRule> list(UUID workspaceId, @Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(store.listRules(workspaceId, Paging.after(cursor), size + 1), size, AlertRule::ruleId);
    }

    private AlertRule validate(UUID workspaceId, UUID ruleId, @Nullable AlertRuleRequest request, Instant createdAt,
            Instant updatedAt) {
        if (request == null) {
            throw new ValidationException("body", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Metric metric = null;
        if (request.metric() == null || request.metric().isBlank()) {
            problems.add(new FieldProblem("metric", "is required: nps, csat or ces"));
        } else {
            metric = Metric.fromValue(request.metric()).orElse(null);
            if (metric == null) {
                problems.add(new FieldProblem("metric", "must be nps, csat or ces"));
            }
        }
        String scopeType = null;
        UUID scopeId = null;
        if (request.scope() == null || request.scope().type() == null || request.scope().type().isBlank()) {
            problems.add(new FieldProblem("scope.type", "is required: workspace, journey, stage or touchpoint"));
        } else {
            scopeType = request.scope().type().trim().toLowerCase(Locale.ROOT);
            scopeId = request.scope().id();
            if (!List.of("workspace", "journey", "stage", "touchpoint").contains(scopeType)) {
                problems.add(new FieldProblem("scope.type", "must be workspace, journey, stage or touchpoint"));
                scopeType = null;
            } else if (scopeType.equals("workspace") && scopeId != null) {
                problems.add(new FieldProblem("scope.id", "must be absent for the workspace scope"));
            } else if (!scopeType.equals("workspace") && scopeId == null) {
                problems.add(new FieldProblem("scope.id", "is required for a " + scopeType + " scope"));
            }
        }
        String conditionType = null;
        Double threshold = request.condition() == null ? null : request.condition().threshold();
        if (request.condition() == null || request.condition().type() == null || request.condition().type().isBlank()) {
            problems.add(new FieldProblem("condition.type", "is required: below or drop"));
        } else {
            conditionType = request.condition().type().trim().toLowerCase(Locale.ROOT);
            if (!conditionType.equals("below") && !conditionType.equals("drop")) {
                problems.add(new FieldProblem("condition.type", "must be below or drop"));
                conditionType = null;
            }
        }
        if (threshold == null || threshold.isNaN() || threshold.isInfinite()) {
            problems.add(new FieldProblem("condition.threshold", "is required: a number"));
        } else if (metric != null && conditionType != null) {
            String problem = thresholdProblem(metric, conditionType, threshold);
            if (problem != null) {
                problems.add(new FieldProblem("condition.threshold", problem));
            }
        }
        int window = request.window() == null ? DEFAULT_WINDOW : request.window();
        if (window < 1 || window > MAX_WINDOW) {
            problems.add(new FieldProblem("window", "must be between 1 and " + MAX_WINDOW + " days"));
        }
        // without minN: the workspace's own minimum n (its metric settings, else waymark.metrics.min-n)
        int minN = request.minN() == null ? settings.minN(workspaceId) : request.minN();
        if (minN < 1 || minN > MAX_MIN_N) {
            problems.add(new FieldProblem("minN", "must be between 1 and " + MAX_MIN_N));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (scopeId != null && !scopeKnown(workspaceId, scopeType, scopeId)) {
            throw new NotFoundException(capitalized(scopeType) + " " + scopeId);
        }
        return new AlertRule(ruleId, metric.value(), new AlertRule.Scope(scopeType, scopeId),
                new AlertRule.Condition(conditionType, threshold), window, minN,
                request.enabled() == null || request.enabled(), false, createdAt, updatedAt);
    }

    /** below: a value on the metric's scale; drop: points, more than 0 and at most the scale's width. */
    static @Nullable String thresholdProblem(Metric metric, String conditionType, double threshold) {
        double low = switch (metric) {
            case NPS -> -100;
            case CSAT -> 0;
            case CES -> 1;
        };
        double high = switch (metric) {
            case NPS, CSAT -> 100;
            case CES -> 7;
        };
        if (conditionType.equals("below")) {
            return threshold < low || threshold > high
                    ? "must be a " + metric.value() + " value between " + fmt(low) + " and " + fmt(high) : null;
        }
        return threshold <= 0 || threshold > high - low
                ? "must be the points of a drop, more than 0 and at most " + fmt(high - low) : null;
    }

    private boolean scopeKnown(UUID workspaceId, String scopeType, UUID scopeId) {
        return switch (scopeType) {
            case "journey" -> map.journeyKnown(workspaceId, scopeId);
            case "stage" -> map.stageKnown(workspaceId, scopeId);
            case "touchpoint" -> map.touchpointKnown(workspaceId, scopeId) || rollups.hasAnswersAt(workspaceId, scopeId);
            default -> true;
        };
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
