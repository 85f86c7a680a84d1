package com.waymark.metrics.alert;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rule as the API shows it. {@code condition.threshold} is a score value for {@code below} and
 * points lost vs the previous window of equal length for {@code drop}; {@code window} is in days.
 * {@code firing} tells whether the condition held at the last evaluation.
 */
public record AlertRule(UUID ruleId, String metric, Scope scope, Condition condition, int window, int minN,
        boolean enabled, boolean firing, Instant createdAt, Instant updatedAt) {

    /** {@code type} workspace (no id), journey, stage or touchpoint. */
    public record Scope(String type, @Nullable UUID id) {
    }

    /** {@code type} below or drop. */
    public record Condition(String type, double threshold) {
    }
}
