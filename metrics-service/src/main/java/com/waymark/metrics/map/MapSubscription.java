package com.waymark.metrics.map;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.messaging.EventSubscription;

@Configuration(proxyBeanMethods = false)
class MapSubscription {

    static final String QUEUE = "metrics-service.maps";

    @Bean
    EventSubscription mapEvents(MapReadModel model, JsonMapper json) {
        return new EventSubscription(QUEUE,
                List.of(EventTypes.JOURNEY_CHANGED, EventTypes.STAGE_CHANGED, EventTypes.TOUCHPOINT_CHANGED,
                        EventTypes.JOURNEY_DELETED, EventTypes.STAGE_DELETED, EventTypes.TOUCHPOINT_DELETED),
                new MapEventHandler(model, json));
    }
}
