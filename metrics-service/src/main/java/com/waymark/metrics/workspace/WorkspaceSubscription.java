package com.waymark.metrics.workspace;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.events.WorkspaceUpdated;
import com.waymark.platform.messaging.EventSubscription;

@Configuration(proxyBeanMethods = false)
class WorkspaceSubscription {

    static final String QUEUE = "metrics-service.workspaces";

    /** In the inbox's transaction; the tenant and workspace come from the event's data. */
    @Bean
    EventSubscription workspaceEvents(WorkspaceNames names, JsonMapper json) {
        return new EventSubscription(QUEUE, List.of(EventTypes.WORKSPACE_CREATED, EventTypes.WORKSPACE_UPDATED), event -> {
            if (EventTypes.WORKSPACE_CREATED.equals(event.type())) {
                WorkspaceCreated created = json.treeToValue(event.data(), WorkspaceCreated.class);
                names.upsert(created.tenantId(), created.workspaceId(), created.name(), created.slug(), created.industry(),
                        event.occurredAt());
            } else if (EventTypes.WORKSPACE_UPDATED.equals(event.type())) {
                WorkspaceUpdated updated = json.treeToValue(event.data(), WorkspaceUpdated.class);
                names.upsert(updated.tenantId(), updated.workspaceId(), updated.name(), updated.slug(), updated.industry(),
                        event.occurredAt());
            }
        });
    }
}
