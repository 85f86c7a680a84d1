package com.waymark.feedback.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.feedback.web.Bodies;
import com.waymark.feedback.web.ETags;
import com.waymark.feedback.web.JsonMergePatch;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/** Webhook use cases; run under the workspace's tenant context. */
@Service
class Webhooks {

    /** Fields a client may send back as it read them; the server owns them. */
    private static final List<String> READ_ONLY = List.of("id", "version", "createdAt", "updatedAt", "secret");
    private static final List<String> STATUSES = List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED);

    /** A created webhook and its secret in clear, which only this answer carries. */
    record Created(Webhook webhook, @Nullable String secret) {
    }

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookRules rules;
    private final SecretBox secrets;
    private final JsonMapper json;

    Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookRules rules, SecretBox secrets, JsonMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.rules = rules;
        this.secrets = secrets;
        this.json = json;
    }

    /**
     * A retry with an Idempotency-Key already used returns the webhook created first, without its
     * secret: the secret is shown once, whatever happens to that answer.
     */
    @Transactional
    Created create(WorkspaceAccess access, WebhookRequest request, @Nullable String idempotencyKey) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw new ValidationException("Idempotency-Key", "must be 1 to 200 characters");
            }
            Optional<Webhook> earlier = webhooks.findByIdempotencyKey(access.workspaceId(), idempotencyKey);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), null);
            }
        }
        WebhookDraft draft = rules.validate(request);
        Instant now = now();
        UUID id = Uuids.timeOrdered();
        String secret = secrets.newSecret();
        Webhook webhook = new Webhook(id, access.tenantId(), access.workspaceId(), draft.url(), draft.description(),
                draft.events(), draft.active(), secrets.seal(id, secret), 1, now, now);
        if (!webhooks.insert(webhook, idempotencyKey) && idempotencyKey != null) {
            // a concurrent retry with the same key won
            return new Created(webhooks.findByIdempotencyKey(access.workspaceId(), idempotencyKey).orElseThrow(), null);
        }
        return new Created(webhook, secret);
    }

    @Transactional(readOnly = true)
    Webhook get(UUID workspaceId, UUID id) {
        return webhooks.find(workspaceId, id, false).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    Page<Webhook> list(UUID workspaceId, @Nullable String cursor, @Nullable Integer limit) {
        int size = Paging.limit(limit);
        return Paging.page(webhooks.list(workspaceId, Paging.after(cursor), size), size, Webhook::id);
    }

    /** Applies a JSON merge patch to the webhook as the API shows it, then validates the result whole. */
    @Transactional
    Webhook patch(UUID workspaceId, UUID id, JsonNode patch, @Nullable String ifMatch) {
        if (!patch.isObject()) {
            throw new ValidationException("body", "must be a JSON object (a merge patch)");
        }
        Webhook current = webhooks.find(workspaceId, id, true).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, current.version());
        ObjectNode edit = ((ObjectNode) patch).deepCopy();
        edit.remove(READ_ONLY);
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(new WebhookRequest(current.url(), current.description(),
                List.copyOf(current.events()), current.active())), edit);
        WebhookRequest request;
        try {
            request = json.treeToValue(merged, WebhookRequest.class);
        } catch (JacksonException e) {
            throw Bodies.invalid(e);
        }
        Webhook edited = current.edit(rules.validate(request), now());
        if (edited != current) {
            webhooks.update(edited);
        }
        return edited;
    }

    @Transactional
    void delete(UUID workspaceId, UUID id, @Nullable String ifMatch) {
        Webhook current = webhooks.find(workspaceId, id, true).orElseThrow(() -> notFound(id));
        ETags.requireMatch(ifMatch, current.version());
        webhooks.delete(workspaceId, id);
    }

    @Transactional(readOnly = true)
    Page<Delivery> deliveries(UUID workspaceId, UUID webhookId, @Nullable String status, @Nullable String cursor,
            @Nullable Integer limit) {
        get(workspaceId, webhookId);
        if (status != null && !STATUSES.contains(status)) {
            throw new ValidationException("status", "must be pending, delivered or failed");
        }
        int size = Paging.limit(limit);
        return Paging.page(deliveries.list(workspaceId, webhookId, status, Paging.after(cursor), size), size, Delivery::id);
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds: what is returned must equal what is read back later
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("Webhook " + id);
    }
}
