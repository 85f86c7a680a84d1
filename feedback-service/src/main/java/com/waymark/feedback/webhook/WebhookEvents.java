package com.waymark.feedback.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventSubscription;
import com.waymark.platform.messaging.Uuids;

/**
 * Turns {@code feedback.response.submitted} (live and imported responses) into one pending delivery per
 * active webhook of the workspace, in the inbox transaction: a redelivered event adds nothing, and
 * nothing about webhooks runs on the submission's request path. {@link WebhookSender} sends them.
 */
@Configuration(proxyBeanMethods = false)
class WebhookEvents {

    static final String QUEUE = "feedback-service.webhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

    @Bean
    EventSubscription webhookSubscription(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookSender sender,
            JsonMapper json) {
        // runs in the inbox transaction with the event's tenant context set
        return new EventSubscription(QUEUE, List.of(EventTypes.RESPONSE_SUBMITTED), event -> {
            UUID workspaceId = event.workspaceId();
            if (workspaceId == null) {
                log.warn("Ignoring {} {} without a workspace", event.type(), event.id());
                return;
            }
            List<Webhook> subscribed = webhooks.subscribedTo(workspaceId, Webhook.RESPONSE_CREATED);
            if (subscribed.isEmpty()) {
                return;
            }
            String body = json.writeValueAsString(body(event, json));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            boolean any = false;
            for (Webhook webhook : subscribed) {
                any |= deliveries.insertIfNew(event.tenantId(), workspaceId, Uuids.timeOrdered(), webhook.id(), event.id(),
                        Webhook.RESPONSE_CREATED, body, now);
            }
            if (any && TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sender.nudge();
                    }
                });
            }
        });
    }

    /**
     * What the endpoint receives: the event's id (the same for every webhook and retry), type, time,
     * workspace and the response's ids, language, segment, channel and scores. No respondent data,
     * not even the pseudonymous key: integrations read more through the API with their own token.
     */
    static ObjectNode body(EventEnvelope event, JsonMapper json) {
        ObjectNode data = event.data().isObject() ? ((ObjectNode) event.data()).deepCopy() : json.createObjectNode();
        data.remove("respondentKey");
        ObjectNode body = json.createObjectNode();
        body.put("id", event.id().toString());
        body.put("type", Webhook.RESPONSE_CREATED);
        body.put("createdAt", event.occurredAt().toString());
        body.put("workspaceId", String.valueOf(event.workspaceId()));
        body.set("data", data);
        return body;
    }
}
