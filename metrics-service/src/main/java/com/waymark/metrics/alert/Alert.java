package com.waymark.metrics.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A raised alert: what the rule saw when it fired ({@code value} and {@code n} in the window,
 * {@code previousValue} in the window before, for drop rules), and whether someone acknowledged it.
 */
public record Alert(UUID alertId, UUID ruleId, String metric, AlertRule.Scope scope, AlertRule.Condition condition,
        @Nullable Double value, @Nullable Double previousValue, long n, String reason, String status, Instant raisedAt,
        @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {

    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
}
