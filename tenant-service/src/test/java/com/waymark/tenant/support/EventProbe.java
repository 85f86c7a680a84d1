package com.waymark.tenant.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.messaging.EventEnvelope;

/**
 * A consumer standing in for another service: a temporary queue on {@code cx.events} that records
 * what was published (the outbox is no witness once the platform purge has cleaned it).
 */
public final class EventProbe implements AutoCloseable {

    private final AmqpAdmin amqp;
    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final String queue = "tenant-service-test.probe-" + Fixtures.unique();
    private final List<EventEnvelope> received = new ArrayList<>();

    public EventProbe(AmqpAdmin amqp, RabbitTemplate rabbit, JsonMapper json, String routingKey) {
        this.amqp = amqp;
        this.rabbit = rabbit;
        this.json = json;
        amqp.declareQueue(new Queue(queue, false, false, true));
        amqp.declareBinding(BindingBuilder.bind(new Queue(queue)).to(new TopicExchange("cx.events")).with(routingKey));
    }

    /** Everything received until an event matching {@code last} has arrived (bounded wait). */
    public List<EventEnvelope> receiveUntil(Predicate<EventEnvelope> last) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message message;
            while ((message = rabbit.receive(queue)) != null) {
                received.add(json.readValue(message.getBody(), EventEnvelope.class));
            }
            return received.stream().anyMatch(last);
        });
        return List.copyOf(received);
    }

    @Override
    public void close() {
        amqp.deleteQueue(queue);
    }
}
