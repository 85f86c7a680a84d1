package com.waymark.mapping.journey;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A concrete moment of contact in a stage, in a channel, with the expected emotion (−2 … +2) and the
 * service blueprint lanes (customer action, front stage, back stage, support).
 */
record Touchpoint(UUID id, UUID journeyId, UUID stageId, String name, @Nullable UUID channelId, int expectedEmotion,
        @Nullable String owningTeam, @Nullable Lane customerAction, @Nullable Lane frontstage, @Nullable Lane backstage,
        @Nullable Lane support, int position) {

    TouchpointFields fields() {
        return new TouchpointFields(stageId, name, channelId, expectedEmotion, owningTeam, customerAction, frontstage,
                backstage, support, position);
    }
}
