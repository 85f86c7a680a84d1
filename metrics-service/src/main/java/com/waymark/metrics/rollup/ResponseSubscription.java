package com.waymark.metrics.rollup;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.messaging.EventSubscription;

@Configuration(proxyBeanMethods = false)
class ResponseSubscription {

    static final String QUEUE = "metrics-service.responses";

    @Bean
    EventSubscription responseEvents(RollupWriter writer, JsonMapper json, ApplicationEventPublisher changes) {
        // one queue for both, so an erasure is normally applied after its submission
        return new EventSubscription(QUEUE, List.of(EventTypes.RESPONSE_SUBMITTED, EventTypes.RESPONSE_DELETED),
                new ResponseEventHandler(writer, json, changes));
    }
}
