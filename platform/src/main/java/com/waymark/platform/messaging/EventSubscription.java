package com.waymark.platform.messaging;

import java.util.List;

/**
 * Declare one as a bean to consume events: a durable quorum queue named {@code queue} (one per
 * consuming service and purpose, e.g. {@code metrics.responses}) bound to {@code cx.events} with
 * {@code routingKeys} (topic patterns), dead-lettered to {@code <queue>.dlq} after the delivery limit.
 */
public record EventSubscription(String queue, List<String> routingKeys, EventHandler handler) {

    public EventSubscription {
        routingKeys = List.copyOf(routingKeys);
    }
}
