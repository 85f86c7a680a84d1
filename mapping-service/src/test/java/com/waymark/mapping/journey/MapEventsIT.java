package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.StageChanged;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.events.TouchpointDeleted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.test.Tenancy;

/** Map changes reach {@code cx.events} through the outbox, with what consumers need to place a touchpoint. */
class MapEventsIT extends MappingIntegrationTest {

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;

    Tenancy.Workspace workspace;
    String editor;
    Maps maps;
    String queue;
    final List<EventEnvelope> received = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Tenancy tenancy = new Tenancy(access);
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        maps = new Maps(api, workspace, editor);
        // a consumer of our own: a throw-away queue bound like metrics-service's would be
        // (not auto-delete: each timed receive() subscribes and cancels, which would delete it)
        queue = admin.declareQueue(new Queue("mapping-test.events." + UUID.randomUUID(), false, false, false));
        admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(new TopicExchange("cx.events")).with("mapping.#"));
    }

    @AfterEach
    void tearDown() {
        admin.deleteQueue(queue);
    }

    @Test
    void everyCreateAndUpdateIsPublishedWithTheChainFromTouchpointToJourney() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Buy online");
        UUID stage = maps.stage(journey, "Checkout");
        UUID touchpoint = maps.touchpoint(journey, stage, "Payment page", online);
        api.patch(editor, "/api/workspaces/{ws}/journeys/{j}", "{\"name\":\"Buy online and collect\",\"state\":\"future\"}",
                workspace.workspaceId(), journey);
        api.patch(editor, "/api/workspaces/{ws}/journeys/{j}/stages/{s}/touchpoints/{t}", "{\"expectedEmotion\":-2}",
                workspace.workspaceId(), journey, stage, touchpoint);

        List<EventEnvelope> events = awaitEvents(5);

        assertThat(events).extracting(EventEnvelope::type).containsExactly(EventTypes.JOURNEY_CHANGED,
                EventTypes.STAGE_CHANGED, EventTypes.TOUCHPOINT_CHANGED, EventTypes.JOURNEY_CHANGED,
                EventTypes.TOUCHPOINT_CHANGED);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.tenantId()).isEqualTo(workspace.tenantId());
        });
        assertThat(json.treeToValue(events.get(0).data(), JourneyChanged.class))
                .isEqualTo(new JourneyChanged(journey, "Buy online", "current"));
        assertThat(json.treeToValue(events.get(1).data(), StageChanged.class))
                .isEqualTo(new StageChanged(stage, journey, "Checkout", 0));
        assertThat(json.treeToValue(events.get(2).data(), TouchpointChanged.class))
                .isEqualTo(new TouchpointChanged(touchpoint, journey, stage, "Payment page", online, 1));
        assertThat(json.treeToValue(events.get(3).data(), JourneyChanged.class))
                .isEqualTo(new JourneyChanged(journey, "Buy online and collect", "future"));
        assertThat(json.treeToValue(events.get(4).data(), TouchpointChanged.class).expectedEmotion()).isEqualTo(-2);
        int unsent = jdbc.sql("select count(*) from outbox where workspace_id = ? and sent_at is null")
                .param(workspace.workspaceId()).query(Integer.class).single();
        assertThat(unsent).isZero();
    }

    @Test
    void movingAStageAnnouncesEveryStageWhosePositionChanged() throws Exception {
        UUID journey = maps.journey("Support");
        UUID first = maps.stage(journey, "Ask");
        UUID second = maps.stage(journey, "Wait");
        UUID third = maps.stage(journey, "Solved");
        awaitEvents(4);
        received.clear();

        api.call(editor, HttpMethod.PUT, "/api/workspaces/{ws}/journeys/{j}/stages/order",
                "{\"stageIds\":[\"%s\",\"%s\",\"%s\"]}".formatted(third, first, second), workspace.workspaceId(), journey);

        List<StageChanged> moves = awaitEvents(3).stream()
                .map(event -> json.treeToValue(event.data(), StageChanged.class)).toList();
        assertThat(moves).containsExactlyInAnyOrder(new StageChanged(first, journey, "Ask", 1),
                new StageChanged(second, journey, "Wait", 2), new StageChanged(third, journey, "Solved", 0));
    }

    @Test
    void deletionsAreAnnouncedOnceAtTheTopOfWhatGoes() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Leave");
        UUID first = maps.stage(journey, "Cancel");
        UUID second = maps.stage(journey, "Return device");
        UUID kept = maps.touchpoint(journey, first, "Cancellation form", online);
        UUID dropped = maps.touchpoint(journey, first, "Retention call", online);
        awaitEvents(5);
        received.clear();

        api.call(editor, HttpMethod.DELETE, "/api/workspaces/{ws}/journeys/{j}/stages/{s}/touchpoints/{t}", null,
                workspace.workspaceId(), journey, first, dropped);
        assertThat(awaitEvents(1)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.TOUCHPOINT_DELETED);
            assertThat(json.treeToValue(event.data(), TouchpointDeleted.class))
                    .isEqualTo(new TouchpointDeleted(dropped, journey, first));
        });
        received.clear();

        // the stage goes with its remaining touchpoint: one StageDeleted (no TouchpointDeleted for it), and the next stage moves up
        api.call(editor, HttpMethod.DELETE, "/api/workspaces/{ws}/journeys/{j}/stages/{s}", null,
                workspace.workspaceId(), journey, first);
        List<EventEnvelope> stageEvents = awaitEvents(2);
        assertThat(stageEvents).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.STAGE_DELETED, EventTypes.STAGE_CHANGED);
        assertThat(json.treeToValue(stageEvents.get(0).data(), StageDeleted.class)).isEqualTo(new StageDeleted(first, journey));
        assertThat(json.treeToValue(stageEvents.get(1).data(), StageChanged.class))
                .isEqualTo(new StageChanged(second, journey, "Return device", 0));
        assertThat(stageEvents).noneSatisfy(event -> assertThat(event.data().toString()).contains(kept.toString()));
        received.clear();

        api.call(editor, HttpMethod.DELETE, "/api/workspaces/{ws}/journeys/{j}", null, workspace.workspaceId(), journey);
        assertThat(awaitEvents(1)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.JOURNEY_DELETED);
            assertThat(event.tenantId()).isEqualTo(workspace.tenantId());
            assertThat(json.treeToValue(event.data(), JourneyDeleted.class)).isEqualTo(new JourneyDeleted(journey));
        });
    }

    @Test
    void aRefusedDeletionPublishesNothing() throws Exception {
        UUID journey = maps.journey("Still here");
        awaitEvents(1);

        api.call(editor, HttpMethod.DELETE, "/api/workspaces/{ws}/journeys/{j}/stages/{s}", null,
                workspace.workspaceId(), journey, UUID.randomUUID());
        api.call(viewerOf(), HttpMethod.DELETE, "/api/workspaces/{ws}/journeys/{j}", null, workspace.workspaceId(), journey);

        int events = jdbc.sql("select count(*) from outbox where workspace_id = ?")
                .param(workspace.workspaceId()).query(Integer.class).single();
        assertThat(events).isEqualTo(1);
    }

    private String viewerOf() {
        return new Tenancy(access).member(workspace, Role.CLIENT_VIEWER);
    }

    @Test
    void aRefusedChangePublishesNothing() throws Exception {
        UUID journey = maps.journey("Nothing more");
        UUID stage = maps.stage(journey, "Only stage");
        awaitEvents(2);

        api.post(editor, "/api/workspaces/{ws}/journeys/{j}/stages/{s}/touchpoints",
                "{\"name\":\"Ghost\",\"channelId\":\"%s\"}".formatted(UUID.randomUUID()), workspace.workspaceId(), journey, stage);
        api.patch(editor, "/api/workspaces/{ws}/journeys/{j}", "{\"state\":\"someday\"}", workspace.workspaceId(), journey);

        int events = jdbc.sql("select count(*) from outbox where workspace_id = ?")
                .param(workspace.workspaceId()).query(Integer.class).single();
        assertThat(events).isEqualTo(2);
    }

    /** Events of this test's workspace, in the order published, once there are {@code count} of them. */
    private List<EventEnvelope> awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
                EventEnvelope event = json.readValue(message.getBody(), EventEnvelope.class);
                if (workspace.workspaceId().equals(event.workspaceId())) {
                    received.add(event);
                }
            }
            assertThat(received).hasSizeGreaterThanOrEqualTo(count);
        });
        assertThat(received).hasSize(count);
        return List.copyOf(received);
    }
}
