package com.waymark.platform.events;

import java.util.UUID;

/** {@code mapping.touchpoint.deleted} v1. */
public record TouchpointDeleted(UUID touchpointId, UUID journeyId, UUID stageId) {
}
