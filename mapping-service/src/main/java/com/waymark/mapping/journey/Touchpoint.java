package com.waymark.mapping.journey;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A concrete moment of contact in a stage, in a channel, with the expected emotion (−2 … +2) and the
 * service blueprint lanes (customer action, front stage, back stage, support). A sub-touchpoint names
 * its parent, a top-level touchpoint of the same stage; positions are over all touchpoints of the stage.
 */
record Touchpoint(UUID id, UUID journeyId, UUID stageId, @Nullable UUID parentTouchpointId, String name,
        @Nullable UUID channelId, int expectedEmotion, @Nullable String owningTeam, @Nullable Lane customerAction,
        @Nullable Lane frontstage, @Nullable Lane backstage, @Nullable Lane support, int position) {

    TouchpointFields fields() {
        return new TouchpointFields(stageId, parentTouchpointId, name, channelId, expectedEmotion, owningTeam,
                customerAction, frontstage, backstage, support, position);
    }

    Touchpoint at(UUID stage, int newPosition) {
        return new Touchpoint(id, journeyId, stage, parentTouchpointId, name, channelId, expectedEmotion, owningTeam,
                customerAction, frontstage, backstage, support, newPosition);
    }
}
