package com.waymark.platform.messaging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What travels on {@code cx.events}: routing key = {@code type}. {@code data} is the type's contract
 * record (see {@code com.waymark.platform.events}); contracts only ever gain fields.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, UUID tenantId,
        @Nullable UUID workspaceId, JsonNode data) {
}
