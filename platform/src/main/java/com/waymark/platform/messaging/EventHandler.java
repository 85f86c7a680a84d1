package com.waymark.platform.messaging;

/** Applies one event. Runs in a transaction with the event's tenant context set; throw to retry. */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope event);
}
