package com.waymark.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param exchange        the topic exchange all events go through
 * @param deadLetterExchange where messages go after {@code deliveryLimit} failed deliveries
 * @param deliveryLimit   quorum-queue delivery limit before dead-lettering
 * @param relayInterval   how often the outbox relay polls when not nudged by a commit
 * @param relayBatchSize  events published per relay round
 * @param confirmTimeout  how long to wait for broker confirms
 */
@ConfigurationProperties("waymark.messaging")
public record MessagingProperties(
        @DefaultValue("cx.events") String exchange,
        @DefaultValue("cx.events.dlx") String deadLetterExchange,
        @DefaultValue("5") int deliveryLimit,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("200") int relayBatchSize,
        @DefaultValue("10s") Duration confirmTimeout) {
}
