package com.waymark.tenant.deletion;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.PurgeCompleted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventHandler;
import com.waymark.platform.messaging.EventSubscription;

/**
 * Follows every service's {@code <service>.purge.completed} (queue {@code tenant-service.purges}) and
 * records it against the agency's deletion. Workspace purges are not tracked; reports for an agency
 * whose deletion was not requested here are ignored.
 */
@Configuration(proxyBeanMethods = false)
class PurgeProgress {

    private static final Logger log = LoggerFactory.getLogger(PurgeProgress.class);

    @Bean
    EventSubscription purgeProgressSubscription(Deletions deletions, JsonMapper json,
            @Value("${spring.application.name}") String service) {
        return new EventSubscription(service + ".purges", List.of(EventTypes.purgeCompleted("*")),
                new Handler(deletions, json));
    }

    static final class Handler implements EventHandler {

        private final Deletions deletions;
        private final JsonMapper json;

        Handler(Deletions deletions, JsonMapper json) {
            this.deletions = deletions;
            this.json = json;
        }

        @Override
        public void handle(EventEnvelope event) {
            PurgeCompleted purge = json.treeToValue(event.data(), PurgeCompleted.class);
            if (purge.workspaceId() != null) {
                return;
            }
            if (!deletions.recordPurge(purge.tenantId(), purge.service(), event.occurredAt(), purge.rowsDeleted())) {
                log.warn("{} reported purging tenant {}, whose deletion was not requested here; ignored",
                        purge.service(), purge.tenantId());
            }
        }
    }
}
