package com.waymark.metrics.rollup;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.ResponseDeleted;
import com.waymark.platform.events.ResponseSubmitted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventHandler;

/**
 * Counts a submitted response into the rollups, or subtracts an erased one (in the inbox's transaction
 * and tenant context).
 */
class ResponseEventHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ResponseEventHandler.class);

    private final RollupWriter writer;
    private final JsonMapper json;
    private final ApplicationEventPublisher changes;

    ResponseEventHandler(RollupWriter writer, JsonMapper json, ApplicationEventPublisher changes) {
        this.writer = writer;
        this.json = json;
        this.changes = changes;
    }

    @Override
    public void handle(EventEnvelope event) {
        boolean submitted = EventTypes.RESPONSE_SUBMITTED.equals(event.type());
        if (!submitted && !EventTypes.RESPONSE_DELETED.equals(event.type())) {
            log.debug("Ignoring {} on the response queue", event.type());
            return;
        }
        UUID workspaceId = event.workspaceId();
        if (workspaceId == null) {
            // a response always belongs to a workspace: retrying cannot help, so let it reach the dead letters
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no workspaceId");
        }
        if (submitted) {
            ResponseSubmitted response = json.treeToValue(event.data(), ResponseSubmitted.class);
            if (writer.record(event.tenantId(), workspaceId, event.id(), response)) {
                changes.publishEvent(new RollupsChanged(event.tenantId(), workspaceId));
            } else {
                log.info("Response {} was already counted or erased; event {} changes nothing", response.responseId(),
                        event.id());
            }
        } else {
            ResponseDeleted deleted = json.treeToValue(event.data(), ResponseDeleted.class);
            if (writer.erase(event.tenantId(), workspaceId, deleted.responseId())) {
                changes.publishEvent(new RollupsChanged(event.tenantId(), workspaceId));
            } else {
                log.info("Response {} was not counted here (or already erased); nothing to subtract", deleted.responseId());
            }
        }
    }
}
