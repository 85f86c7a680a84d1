package com.waymark.feedback.touchpoint;

import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

class TouchpointReadModelIT extends FeedbackIntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aTouchpointAnnouncedByMappingCanBeSurveyedInItsWorkspaceOnly() throws Exception {
        Ws ws = fx.workspace();
        Tenancy.Workspace sibling = fx.tenancy().workspaceIn(ws.tenantId());
        UUID touchpoint = UUID.randomUUID();

        UUID eventId = publish(ws, new TouchpointChanged(touchpoint, UUID.randomUUID(), UUID.randomUUID(), "Checkout page",
                UUID.randomUUID(), 1), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(eventId));

        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", with(survey("S"), "touchpointId", touchpoint), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.touchpointId").value(touchpoint.toString()));
        String siblingEditor = fx.tenancy().member(sibling, Role.CLIENT_EDITOR);
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", with(survey("S"), "touchpointId", touchpoint), sibling.workspaceId())
                        .with(TestUsers.as(siblingEditor)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
    }

    @Test
    void anOlderChangeArrivingLateDoesNotUndoANewerOne() {
        Ws ws = fx.workspace();
        UUID touchpoint = UUID.randomUUID();
        UUID journey = UUID.randomUUID();
        UUID stage = UUID.randomUUID();
        Instant now = Instant.now();

        UUID newer = publish(ws, new TouchpointChanged(touchpoint, journey, stage, "Checkout (new)", null, 0), now);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(newer));
        UUID older = publish(ws, new TouchpointChanged(touchpoint, journey, stage, "Checkout (old)", null, 0),
                now.minusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(older));

        assertThat(nameOf(ws, touchpoint)).isEqualTo("Checkout (new)");
        UUID newest = publish(ws, new TouchpointChanged(touchpoint, journey, stage, "Checkout (newest)", null, 0),
                now.plusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(newest));
        assertThat(nameOf(ws, touchpoint)).isEqualTo("Checkout (newest)");
    }

    private UUID publish(Ws ws, TouchpointChanged changed, Instant occurredAt) {
        EventEnvelope envelope = new EventEnvelope(Uuids.timeOrdered(), EventTypes.TOUCHPOINT_CHANGED, 1, occurredAt,
                ws.tenantId(), ws.id(), json.valueToTree(changed));
        rabbit.send("cx.events", EventTypes.TOUCHPOINT_CHANGED, MessageBuilder.withBody(json.writeValueAsBytes(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());
        return envelope.id();
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("select count(*) from inbox where consumer = ? and event_id = ?")
                .params(TouchpointEvents.QUEUE, eventId).query(Integer.class).single() == 1;
    }

    private String nameOf(Ws ws, UUID touchpoint) {
        return TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select name from touchpoint where id = ?")
                .param(touchpoint).query(String.class).single());
    }
}
