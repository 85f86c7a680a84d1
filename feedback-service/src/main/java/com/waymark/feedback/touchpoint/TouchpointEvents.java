package com.waymark.feedback.touchpoint;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.messaging.EventSubscription;

/** Feeds {@link Touchpoints} from {@code mapping.touchpoint.changed}. */
@Configuration(proxyBeanMethods = false)
class TouchpointEvents {

    static final String QUEUE = "feedback-service.touchpoints";

    private static final Logger log = LoggerFactory.getLogger(TouchpointEvents.class);

    @Bean
    EventSubscription touchpointSubscription(Touchpoints touchpoints, JsonMapper json) {
        // runs in the inbox transaction with the event's tenant context set
        return new EventSubscription(QUEUE, List.of(EventTypes.TOUCHPOINT_CHANGED), event -> {
            if (event.workspaceId() == null) {
                // a touchpoint always belongs to a workspace; retrying would not make this one valid
                log.warn("Ignoring {} {} without a workspace", event.type(), event.id());
                return;
            }
            TouchpointChanged changed = json.treeToValue(event.data(), TouchpointChanged.class);
            touchpoints.apply(event.tenantId(), event.workspaceId(), changed, event.occurredAt());
        });
    }
}
