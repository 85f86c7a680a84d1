package com.waymark.platform.events;

import java.util.UUID;

/** {@code mapping.stage.deleted} v1: with its touchpoints. */
public record StageDeleted(UUID stageId, UUID journeyId) {
}
