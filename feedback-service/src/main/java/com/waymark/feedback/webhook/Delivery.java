package com.waymark.feedback.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event for one webhook, and how sending it went: {@code attempt} attempts so far, the last
 * one's HTTP status or error, and each attempt in {@code attempts}.
 */
@Schema(name = "WebhookDelivery")
record Delivery(UUID id, UUID eventId,
        @Schema(description = "response.created") String event,
        @Schema(description = "attempts made so far") int attempt,
        @Schema(allowableValues = { "pending", "delivered", "failed" }) String status,
        @Schema(description = "HTTP status of the last attempt, if the endpoint answered") @Nullable Integer httpStatus,
        @Schema(description = "why the last attempt failed") @Nullable String error,
        Instant createdAt, @Nullable Instant deliveredAt,
        @Schema(description = "when the next attempt is due (pending only)") @Nullable Instant nextAttemptAt,
        List<Attempt> attempts) {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    @Schema(name = "WebhookAttempt")
    record Attempt(int attempt, Instant at, @Nullable Integer httpStatus, @Nullable String error, long durationMillis) {
    }
}
