package com.waymark.metrics.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval      how often workspaces whose rollups changed are evaluated (the debounce: at most
 *                      one evaluation per workspace per interval)
 * @param sweepInterval how often every workspace is evaluated anyway, so windows that slide past old
 *                      answers are noticed without new ones
 */
@ConfigurationProperties("waymark.metrics.alerts")
public record AlertProperties(@DefaultValue("5s") Duration interval, @DefaultValue("1h") Duration sweepInterval) {
}
