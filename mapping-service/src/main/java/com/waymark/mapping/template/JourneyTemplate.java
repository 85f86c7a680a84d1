package com.waymark.mapping.template;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A template with its map (the JSON of the journey it was saved from, at that time). */
record JourneyTemplate(UUID id, String name, @Nullable String description, UUID sourceWorkspaceId, UUID sourceJourneyId,
        Instant createdAt, String createdBy, JsonNode map) {
}
