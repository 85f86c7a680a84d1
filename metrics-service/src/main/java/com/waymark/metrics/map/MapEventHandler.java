package com.waymark.metrics.map;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.StageChanged;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.events.TouchpointDeleted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventHandler;

/** Applies {@code mapping.*} changes and deletions to the map read model (in the inbox's transaction and tenant context). */
class MapEventHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(MapEventHandler.class);

    private final MapReadModel model;
    private final JsonMapper json;

    MapEventHandler(MapReadModel model, JsonMapper json) {
        this.model = model;
        this.json = json;
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID workspaceId = event.workspaceId();
        if (workspaceId == null) {
            // a map always belongs to a workspace: retrying cannot help, so let it reach the dead letters
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no workspaceId");
        }
        switch (event.type()) {
            case EventTypes.JOURNEY_CHANGED ->
                    model.journeyChanged(event.tenantId(), workspaceId, json.treeToValue(event.data(), JourneyChanged.class),
                            event.occurredAt());
            case EventTypes.STAGE_CHANGED ->
                    model.stageChanged(event.tenantId(), workspaceId, json.treeToValue(event.data(), StageChanged.class),
                            event.occurredAt());
            case EventTypes.TOUCHPOINT_CHANGED -> model.touchpointChanged(event.tenantId(), workspaceId,
                    json.treeToValue(event.data(), TouchpointChanged.class), event.occurredAt());
            case EventTypes.JOURNEY_DELETED -> model.journeyDeleted(event.tenantId(), workspaceId,
                    json.treeToValue(event.data(), JourneyDeleted.class), event.occurredAt());
            case EventTypes.STAGE_DELETED -> model.stageDeleted(event.tenantId(), workspaceId,
                    json.treeToValue(event.data(), StageDeleted.class), event.occurredAt());
            case EventTypes.TOUCHPOINT_DELETED -> model.touchpointDeleted(event.tenantId(), workspaceId,
                    json.treeToValue(event.data(), TouchpointDeleted.class), event.occurredAt());
            default -> log.debug("Ignoring {} on the map queue", event.type());
        }
    }
}
