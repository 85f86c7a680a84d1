package com.waymark.platform.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code metrics.alert.raised} v1: a rule fired. {@code scopeType} is {@code workspace},
 * {@code journey}, {@code stage} or {@code touchpoint}; {@code scopeId} is null for the workspace.
 */
public record AlertRaised(UUID alertId, UUID ruleId, String metric, String scopeType, @Nullable UUID scopeId,
        @Nullable Double value, int n, String reason) {
}
