package com.waymark.mapping.journey;

import java.util.UUID;
import org.springframework.stereotype.Component;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.StageChanged;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.events.TouchpointDeleted;
import com.waymark.platform.messaging.Outbox;

/**
 * Announces map changes through the outbox, in the caller's transaction. feedback-service and
 * metrics-service build their read models (touchpoint → stage → journey) from these.
 * Deletions are announced once, at the top of what goes: a deleted journey takes its stages and
 * touchpoints, a deleted stage its touchpoints, without an event for each of them — consumers cascade.
 */
@Component
class MapEvents {

    static final int VERSION = 1;

    private final Outbox outbox;

    MapEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void journeyChanged(WorkspaceAccess access, Journey journey) {
        outbox.append(EventTypes.JOURNEY_CHANGED, VERSION, access.tenantId(), access.workspaceId(),
                new JourneyChanged(journey.id(), journey.name(), journey.state()));
    }

    void stageChanged(WorkspaceAccess access, Stage stage) {
        outbox.append(EventTypes.STAGE_CHANGED, VERSION, access.tenantId(), access.workspaceId(),
                new StageChanged(stage.id(), stage.journeyId(), stage.name(), stage.position()));
    }

    void touchpointChanged(WorkspaceAccess access, Touchpoint touchpoint) {
        outbox.append(EventTypes.TOUCHPOINT_CHANGED, VERSION, access.tenantId(), access.workspaceId(),
                new TouchpointChanged(touchpoint.id(), touchpoint.journeyId(), touchpoint.stageId(), touchpoint.name(),
                        touchpoint.channelId(), touchpoint.expectedEmotion()));
    }

    void journeyDeleted(WorkspaceAccess access, UUID journeyId) {
        outbox.append(EventTypes.JOURNEY_DELETED, VERSION, access.tenantId(), access.workspaceId(),
                new JourneyDeleted(journeyId));
    }

    void stageDeleted(WorkspaceAccess access, Stage stage) {
        outbox.append(EventTypes.STAGE_DELETED, VERSION, access.tenantId(), access.workspaceId(),
                new StageDeleted(stage.id(), stage.journeyId()));
    }

    void touchpointDeleted(WorkspaceAccess access, Touchpoint touchpoint) {
        outbox.append(EventTypes.TOUCHPOINT_DELETED, VERSION, access.tenantId(), access.workspaceId(),
                new TouchpointDeleted(touchpoint.id(), touchpoint.journeyId(), touchpoint.stageId()));
    }
}
