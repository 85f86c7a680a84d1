package com.waymark.metrics.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param minN        below this many answers a score is reported with {@code enough=false} ("not enough data")
 * @param defaultDays the window of a query without {@code from}, in days up to and including {@code to}
 * @param maxPoints   the most points one time-series query may return
 */
@ConfigurationProperties("waymark.metrics")
@Validated
public record MetricsProperties(
        @DefaultValue("30") @Min(1) int minN,
        @DefaultValue("90") @Min(1) @Max(3660) int defaultDays,
        @DefaultValue("1000") @Min(1) int maxPoints) {
}
