package com.waymark.platform.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declares the queues of every {@link EventSubscription} and runs one listener container each, with
 * manual acks: an event is acknowledged only after its effect and inbox row are committed.
 */
public class EventListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);

    private final List<EventSubscription> subscriptions;
    private final ConnectionFactory connectionFactory;
    private final AmqpAdmin admin;
    private final Inbox inbox;
    private final JsonMapper json;
    private final MessagingProperties properties;
    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    private volatile boolean running;

    public EventListeners(List<EventSubscription> subscriptions, ConnectionFactory connectionFactory, AmqpAdmin admin,
            Inbox inbox, JsonMapper json, MessagingProperties properties) {
        this.subscriptions = subscriptions;
        this.connectionFactory = connectionFactory;
        this.admin = admin;
        this.inbox = inbox;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void start() {
        TopicExchange events = new TopicExchange(properties.exchange(), true, false);
        DirectExchange deadLetters = new DirectExchange(properties.deadLetterExchange(), true, false);
        admin.declareExchange(events);
        admin.declareExchange(deadLetters);
        for (EventSubscription subscription : subscriptions) {
            declare(subscription, events, deadLetters);
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(subscription.queue());
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setPrefetchCount(50);
            container.setMessageListener(listener(subscription));
            container.start();
            containers.add(container);
        }
        running = true;
    }

    private void declare(EventSubscription subscription, TopicExchange events, DirectExchange deadLetters) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-dead-letter-exchange", properties.deadLetterExchange());
        arguments.put("x-dead-letter-routing-key", subscription.queue());
        arguments.put("x-delivery-limit", properties.deliveryLimit());
        Queue queue = new Queue(subscription.queue(), true, false, false, arguments);
        Queue deadLetterQueue = new Queue(subscription.queue() + ".dlq", true, false, false,
                Map.of("x-queue-type", "quorum"));
        admin.declareQueue(queue);
        admin.declareQueue(deadLetterQueue);
        admin.declareBinding(BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(subscription.queue()));
        for (String key : subscription.routingKeys()) {
            Binding binding = BindingBuilder.bind(queue).to(events).with(key);
            admin.declareBinding(binding);
        }
    }

    private ChannelAwareMessageListener listener(EventSubscription subscription) {
        return (message, channel) -> {
            long tag = message.getMessageProperties().getDeliveryTag();
            EventEnvelope event;
            try {
                event = json.readValue(message.getBody(), EventEnvelope.class);
            } catch (JacksonException e) {
                log.error("Unreadable event on {}; dead-lettering it: {}", subscription.queue(), e.getOriginalMessage());
                channel.basicReject(tag, false);
                return;
            }
            try {
                boolean applied = inbox.handleOnce(subscription.queue(), event, subscription.handler());
                if (!applied) {
                    log.debug("Event {} already handled by {}", event.id(), subscription.queue());
                }
                channel.basicAck(tag, false);
            } catch (RuntimeException e) {
                log.warn("Handling {} {} on {} failed; it will be redelivered: {}", event.type(), event.id(),
                        subscription.queue(), e.toString());
                channel.basicNack(tag, false, true);
            }
        };
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        containers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start after the web server and data source are ready; stop before them
        return Integer.MAX_VALUE - 100;
    }
}
