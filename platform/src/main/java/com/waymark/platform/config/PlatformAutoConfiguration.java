package com.waymark.platform.config;

import java.util.List;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessEventHandler;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.messaging.EventListeners;
import com.waymark.platform.messaging.EventSubscription;
import com.waymark.platform.messaging.Inbox;
import com.waymark.platform.messaging.MessagingProperties;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.messaging.OutboxRelay;
import com.waymark.platform.purge.PurgeEventHandler;
import com.waymark.platform.purge.TablePurger;

/** Messaging (outbox, relay, inbox, listeners) and the access model, for every service. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RabbitTemplate rabbit,
            MessagingProperties properties) {
        return new OutboxRelay(jdbc, transactions, rabbit, properties);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        return new Outbox(jdbc, json, relay);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        return new Inbox(jdbc, transactions);
    }

    @Bean
    EventListeners eventListeners(ObjectProvider<EventSubscription> subscriptions, ConnectionFactory connectionFactory,
            AmqpAdmin admin, Inbox inbox, JsonMapper json, MessagingProperties properties) {
        return new EventListeners(subscriptions.orderedStream().toList(), connectionFactory, admin, inbox, json, properties);
    }

    @Bean
    TablePurger tablePurger(JdbcClient jdbc) {
        return new TablePurger(jdbc);
    }

    /** Every service removes a deleted tenant's or workspace's rows and reports it. */
    @Bean
    EventSubscription purgeSubscription(TablePurger purger, JdbcClient jdbc, Outbox outbox, JsonMapper json,
            @Value("${spring.application.name}") String service) {
        return new EventSubscription(service + ".purge", List.of(EventTypes.TENANT_DELETED, EventTypes.WORKSPACE_DELETED),
                new PurgeEventHandler(purger, jdbc, outbox, json, service));
    }

    @Bean
    AccessModel accessModel(JdbcClient jdbc) {
        return new AccessModel(jdbc);
    }

    /** tenant-service owns the source of truth and writes the model directly; others follow events. */
    @Bean
    @ConditionalOnProperty(name = "waymark.access.consume-events", havingValue = "true", matchIfMissing = true)
    EventSubscription accessEventsSubscription(AccessModel model, JsonMapper json,
            @Value("${spring.application.name}") String service) {
        return new EventSubscription(service + ".access", List.of("tenant.#"), new AccessEventHandler(model, json));
    }
}
