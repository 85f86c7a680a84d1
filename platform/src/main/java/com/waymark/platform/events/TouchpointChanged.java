package com.waymark.platform.events;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code mapping.touchpoint.changed} v1: created, renamed or moved to another stage. */
public record TouchpointChanged(UUID touchpointId, UUID journeyId, UUID stageId, String name,
        @Nullable UUID channelId, int expectedEmotion) {
}
