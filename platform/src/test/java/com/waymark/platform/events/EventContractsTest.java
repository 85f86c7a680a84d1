package com.waymark.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.messaging.EventEnvelope;

/** Each contract has a JSON example under test resources; old examples must keep reading. */
class EventContractsTest {

    static final Map<String, Class<?>> CONTRACTS = Map.ofEntries(
            Map.entry(EventTypes.TENANT_CREATED, TenantCreated.class),
            Map.entry(EventTypes.TENANT_UPDATED, TenantUpdated.class),
            Map.entry(EventTypes.TENANT_DELETED, TenantDeleted.class),
            Map.entry(EventTypes.WORKSPACE_CREATED, WorkspaceCreated.class),
            Map.entry(EventTypes.WORKSPACE_UPDATED, WorkspaceUpdated.class),
            Map.entry(EventTypes.WORKSPACE_DELETED, WorkspaceDeleted.class),
            Map.entry(EventTypes.MEMBER_ADDED, MemberAdded.class),
            Map.entry(EventTypes.MEMBER_REMOVED, MemberRemoved.class),
            Map.entry(EventTypes.JOURNEY_CHANGED, JourneyChanged.class),
            Map.entry(EventTypes.STAGE_CHANGED, StageChanged.class),
            Map.entry(EventTypes.TOUCHPOINT_CHANGED, TouchpointChanged.class),
            Map.entry(EventTypes.JOURNEY_DELETED, JourneyDeleted.class),
            Map.entry(EventTypes.STAGE_DELETED, StageDeleted.class),
            Map.entry(EventTypes.TOUCHPOINT_DELETED, TouchpointDeleted.class),
            Map.entry(EventTypes.RESPONSE_SUBMITTED, ResponseSubmitted.class),
            Map.entry(EventTypes.RESPONSE_DELETED, ResponseDeleted.class),
            Map.entry(EventTypes.ALERT_RAISED, AlertRaised.class),
            Map.entry(EventTypes.purgeCompleted("mapping"), PurgeCompleted.class));

    final JsonMapper json = JsonMapper.builder().build();

    static Iterable<String> types() {
        return CONTRACTS.keySet();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theExampleOfEachEventTypeReadsIntoItsContractAndBack(String type) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/" + type + ".json")) {
            assertThat(in).as("example for " + type).isNotNull();
            EventEnvelope envelope = json.readValue(in, EventEnvelope.class);
            assertThat(envelope.type()).isEqualTo(type);
            Object data = json.treeToValue(envelope.data(), CONTRACTS.get(type));
            JsonNode written = json.valueToTree(data);
            // every field of the example survives a round trip: nothing is silently dropped
            envelope.data().propertyNames().forEach(field -> assertThat(written.has(field)).as(type + "." + field).isTrue());
        }
    }
}
