package com.waymark.feedback.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A workspace's endpoint for events; {@code sealedSecret} is the signing secret encrypted by {@link SecretBox}. */
record Webhook(UUID id, UUID tenantId, UUID workspaceId, String url, @Nullable String description, List<String> events,
        boolean active, String sealedSecret, int version, Instant createdAt, Instant updatedAt) {

    /** The only event type so far: a response was stored (live or imported). */
    static final String RESPONSE_CREATED = "response.created";
    static final List<String> EVENT_TYPES = List.of(RESPONSE_CREATED);

    Webhook {
        events = List.copyOf(events);
    }

    boolean wants(String event) {
        return active && events.contains(event);
    }

    /** The webhook after an edit; the same instance when nothing changes. */
    Webhook edit(WebhookDraft draft, Instant now) {
        if (draft.url().equals(url) && java.util.Objects.equals(draft.description(), description)
                && draft.events().equals(events) && draft.active() == active) {
            return this;
        }
        return new Webhook(id, tenantId, workspaceId, draft.url(), draft.description(), draft.events(), draft.active(),
                sealedSecret, version + 1, createdAt, now);
    }
}
