package com.waymark.mapping.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Create body and PATCH target of a touchpoint. {@code stageId} may be left out on create (the path
 * names the stage); a PATCH that changes it moves the touchpoint to that stage of the same journey.
 * {@code parentTouchpointId} makes it a sub-touchpoint of a top-level touchpoint of the same stage.
 * {@code expectedEmotion} defaults to 0 (neutral); no {@code position} means at the end.
 */
record TouchpointFields(
        @Nullable UUID stageId,
        @Nullable UUID parentTouchpointId,
        @NotBlank @Size(max = 200) String name,
        @Nullable UUID channelId,
        @Min(-2) @Max(2) Integer expectedEmotion,
        @Nullable @Size(max = 200) String owningTeam,
        @Valid @Nullable Lane customerAction,
        @Valid @Nullable Lane frontstage,
        @Valid @Nullable Lane backstage,
        @Valid @Nullable Lane support,
        @Nullable @Min(0) Integer position) {

    TouchpointFields {
        expectedEmotion = expectedEmotion == null ? 0 : expectedEmotion;
    }

    TouchpointFields withoutParent() {
        return new TouchpointFields(stageId, null, name, channelId, expectedEmotion, owningTeam, customerAction,
                frontstage, backstage, support, position);
    }
}
