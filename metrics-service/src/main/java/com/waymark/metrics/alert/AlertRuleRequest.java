package com.waymark.metrics.alert;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body of POST and PUT on alert rules; everything is checked by {@link AlertRuleService}. */
record AlertRuleRequest(@Nullable String metric, @Nullable ScopeRequest scope, @Nullable ConditionRequest condition,
        @Nullable Integer window, @Nullable Integer minN, @Nullable Boolean enabled) {

    record ScopeRequest(@Nullable String type, @Nullable UUID id) {
    }

    record ConditionRequest(@Nullable String type, @Nullable Double threshold) {
    }
}
