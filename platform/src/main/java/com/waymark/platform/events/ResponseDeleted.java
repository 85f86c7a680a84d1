package com.waymark.platform.events;

import java.util.UUID;

/** {@code feedback.response.deleted} v1: erased (GDPR); consumers remove it from their data and rollups. */
public record ResponseDeleted(UUID responseId, UUID surveyId) {
}
