package com.waymark.mapping.channel;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.messaging.EventSubscription;

/** A workspace starts with the usual channels: seeded when tenant-service announces it. */
@Configuration(proxyBeanMethods = false)
class ChannelSeeding {

    static final String QUEUE = "mapping-service.workspaces";

    private static final Logger log = LoggerFactory.getLogger(ChannelSeeding.class);

    @Bean
    EventSubscription workspaceChannelsSubscription(Channels channels, ChannelProperties properties, JsonMapper json) {
        // runs in the inbox transaction with the event's tenant context; besides the inbox's
        // de-duplication by event id, seeding happens once per workspace whatever the event id
        return new EventSubscription(QUEUE, List.of(EventTypes.WORKSPACE_CREATED), event -> {
            WorkspaceCreated created = json.treeToValue(event.data(), WorkspaceCreated.class);
            int seeded = channels.seed(created.tenantId(), created.workspaceId(), properties.defaults());
            log.info("Seeded {} channels for new workspace {}", seeded, created.workspaceId());
        });
    }
}
