package com.waymark.metrics.rollup;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.ResponseSubmitted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventHandler;

/** Counts a submitted response into the rollups (in the inbox's transaction and tenant context). */
class ResponseEventHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ResponseEventHandler.class);

    private final RollupWriter writer;
    private final JsonMapper json;

    ResponseEventHandler(RollupWriter writer, JsonMapper json) {
        this.writer = writer;
        this.json = json;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!EventTypes.RESPONSE_SUBMITTED.equals(event.type())) {
            log.debug("Ignoring {} on the response queue", event.type());
            return;
        }
        UUID workspaceId = event.workspaceId();
        if (workspaceId == null) {
            // a response always belongs to a workspace: retrying cannot help, so let it reach the dead letters
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no workspaceId");
        }
        ResponseSubmitted response = json.treeToValue(event.data(), ResponseSubmitted.class);
        boolean counted = writer.record(event.tenantId(), workspaceId, event.id(), response);
        if (!counted) {
            log.info("Response {} was already counted; event {} changes nothing", response.responseId(), event.id());
        }
    }
}
