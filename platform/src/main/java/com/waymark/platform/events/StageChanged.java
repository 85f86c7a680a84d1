package com.waymark.platform.events;

import java.util.UUID;

/** {@code mapping.stage.changed} v1: created, renamed or moved. */
public record StageChanged(UUID stageId, UUID journeyId, String name, int position) {
}
