package com.waymark.feedback.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A webhook as clients send it (create, or the result of a merge patch); checked by {@link WebhookRules}. */
@Schema(name = "WebhookRequest")
record WebhookRequest(
        @Schema(description = "https URL the events are POSTed to (public addresses only)", example = "https://hooks.example.com/waymark",
                requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String url,
        @Schema(description = "up to 500 characters", example = "CRM sync") @Nullable String description,
        @Schema(description = "event types; response.created when absent", example = "[\"response.created\"]")
        @Nullable List<@Nullable String> events,
        @Schema(description = "true when absent; inactive webhooks get no new deliveries") @Nullable Boolean active) {
}
