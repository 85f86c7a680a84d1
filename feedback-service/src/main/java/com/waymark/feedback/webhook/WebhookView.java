package com.waymark.feedback.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A webhook as the API shows it; {@code secret} only in the answer that created it. */
@Schema(name = "Webhook")
record WebhookView(UUID id, String url, @Nullable String description, List<String> events, boolean active,
        @Schema(description = "also the ETag; send it as If-Match to edit safely") int version, Instant createdAt,
        Instant updatedAt,
        @Schema(description = "the signing secret: only in the 201 that created the webhook, never again; keep it safe")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

    static WebhookView of(Webhook webhook) {
        return withSecret(webhook, null);
    }

    static WebhookView withSecret(Webhook webhook, @Nullable String secret) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.description(), webhook.events(), webhook.active(),
                webhook.version(), webhook.createdAt(), webhook.updatedAt(), secret);
    }
}
