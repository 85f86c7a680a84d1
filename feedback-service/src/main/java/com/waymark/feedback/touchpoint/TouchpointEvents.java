package com.waymark.feedback.touchpoint;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.events.TouchpointDeleted;
import com.waymark.platform.messaging.EventSubscription;

/**
 * Feeds {@link Touchpoints} from {@code mapping.journey.changed} and {@code mapping.touchpoint.changed} and removes touchpoints on
 * {@code mapping.touchpoint.deleted}, {@code mapping.stage.deleted} and {@code mapping.journey.deleted}.
 * One queue for all five keeps a touchpoint's changes and its deletion in publishing order as far as
 * the broker can; the tombstones in {@link Touchpoints} cover the rest.
 */
@Configuration(proxyBeanMethods = false)
class TouchpointEvents {

    static final String QUEUE = "feedback-service.touchpoints";

    private static final Logger log = LoggerFactory.getLogger(TouchpointEvents.class);

    @Bean
    EventSubscription touchpointSubscription(Touchpoints touchpoints, JsonMapper json) {
        // runs in the inbox transaction with the event's tenant context set
        return new EventSubscription(QUEUE, List.of(EventTypes.JOURNEY_CHANGED, EventTypes.TOUCHPOINT_CHANGED, EventTypes.TOUCHPOINT_DELETED,
                EventTypes.STAGE_DELETED, EventTypes.JOURNEY_DELETED), event -> {
            UUID workspaceId = event.workspaceId();
            if (workspaceId == null) {
                // journeys, stages and touchpoints always belong to a workspace; retrying would not make this one valid
                log.warn("Ignoring {} {} without a workspace", event.type(), event.id());
                return;
            }
            switch (event.type()) {
                case EventTypes.JOURNEY_CHANGED -> touchpoints.applyJourney(event.tenantId(), workspaceId,
                        json.treeToValue(event.data(), JourneyChanged.class), event.occurredAt());
                case EventTypes.TOUCHPOINT_CHANGED -> touchpoints.apply(event.tenantId(), workspaceId,
                        json.treeToValue(event.data(), TouchpointChanged.class), event.occurredAt());
                case EventTypes.TOUCHPOINT_DELETED -> touchpoints.deleteTouchpoint(event.tenantId(), workspaceId,
                        json.treeToValue(event.data(), TouchpointDeleted.class).touchpointId(), event.occurredAt());
                case EventTypes.STAGE_DELETED -> touchpoints.deleteStage(event.tenantId(), workspaceId,
                        json.treeToValue(event.data(), StageDeleted.class).stageId(), event.occurredAt());
                case EventTypes.JOURNEY_DELETED -> touchpoints.deleteJourney(event.tenantId(), workspaceId,
                        json.treeToValue(event.data(), JourneyDeleted.class).journeyId(), event.occurredAt());
                default -> log.warn("Ignoring unexpected {} {}", event.type(), event.id());
            }
        });
    }
}
