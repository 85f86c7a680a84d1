package com.waymark.feedback.touchpoint;

import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.events.TouchpointDeleted;
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

    @Test
    void aDeletedTouchpointCanNoLongerBeSurveyedButExistingSurveysAndResponsesKeepIt() throws Exception {
        Ws ws = fx.workspace();
        UUID touchpoint = UUID.randomUUID();
        UUID journey = UUID.randomUUID();
        UUID stage = UUID.randomUUID();
        Instant now = Instant.now();
        UUID created = publish(ws, new TouchpointChanged(touchpoint, journey, stage, "Invoice", null, 0), now.minusSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(created));
        UUID surveyId = fx.createSurveyId(ws, with(survey("Invoice survey"), "touchpointId", touchpoint));
        UUID response = fx.respond(ws, fx.publish(ws, surveyId), "nps", 4);

        UUID deleted = publish(ws, EventTypes.TOUCHPOINT_DELETED, new TouchpointDeleted(touchpoint, journey, stage), now);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(deleted));

        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", with(survey("New"), "touchpointId", touchpoint), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.touchpointId").value(touchpoint.toString()));
        mvc.perform(get("/api/workspaces/{ws}/responses/{id}", ws.id(), response).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.touchpointId").value(touchpoint.toString()));

        // a change delivered after the deletion does not bring it back
        UUID late = publish(ws, new TouchpointChanged(touchpoint, journey, stage, "Invoice (renamed)", null, 0), now.plusSeconds(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(late));
        assertThat(known(ws, touchpoint)).isFalse();
    }

    @Test
    void deletingAStageOrAJourneyRemovesExactlyItsTouchpoints() {
        Ws ws = fx.workspace();
        UUID journey = UUID.randomUUID();
        UUID otherJourney = UUID.randomUUID();
        UUID firstStage = UUID.randomUUID();
        UUID secondStage = UUID.randomUUID();
        UUID inFirstStage = UUID.randomUUID();
        UUID inSecondStage = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        Instant now = Instant.now();
        List<UUID> changes = List.of(
                publish(ws, new TouchpointChanged(inFirstStage, journey, firstStage, "Ad", null, 0), now),
                publish(ws, new TouchpointChanged(inSecondStage, journey, secondStage, "Checkout", null, 0), now),
                publish(ws, new TouchpointChanged(elsewhere, otherJourney, UUID.randomUUID(), "Parking", null, 0), now));
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.stream().allMatch(this::handled));

        UUID stageDeleted = publish(ws, EventTypes.STAGE_DELETED, new StageDeleted(firstStage, journey), now.plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(stageDeleted));
        assertThat(known(ws, inFirstStage)).isFalse();
        assertThat(known(ws, inSecondStage)).isTrue();
        assertThat(known(ws, elsewhere)).isTrue();

        UUID journeyDeleted = publish(ws, EventTypes.JOURNEY_DELETED, new JourneyDeleted(journey), now.plusSeconds(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(journeyDeleted));
        assertThat(known(ws, inSecondStage)).isFalse();
        assertThat(known(ws, elsewhere)).isTrue();

        // a touchpoint of the deleted journey announced late stays unknown
        UUID latecomer = UUID.randomUUID();
        UUID late = publish(ws, new TouchpointChanged(latecomer, journey, secondStage, "Late", null, 0), now);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(late));
        assertThat(known(ws, latecomer)).isFalse();
    }

    @Test
    void aDeletionInAnotherWorkspaceRemovesNothingHere() {
        Ws ws = fx.workspace();
        Ws other = fx.workspace();
        UUID touchpoint = fx.touchpoint(ws, "Checkout");
        UUID deleted = publish(other, EventTypes.TOUCHPOINT_DELETED,
                new TouchpointDeleted(touchpoint, UUID.randomUUID(), UUID.randomUUID()), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(deleted));
        assertThat(known(ws, touchpoint)).isTrue();
    }

    private UUID publish(Ws ws, TouchpointChanged changed, Instant occurredAt) {
        return publish(ws, EventTypes.TOUCHPOINT_CHANGED, changed, occurredAt);
    }

    private UUID publish(Ws ws, String type, Object data, Instant occurredAt) {
        EventEnvelope envelope = new EventEnvelope(Uuids.timeOrdered(), type, 1, occurredAt,
                ws.tenantId(), ws.id(), json.valueToTree(data));
        rabbit.send("cx.events", type, MessageBuilder.withBody(json.writeValueAsBytes(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());
        return envelope.id();
    }

    private boolean known(Ws ws, UUID touchpoint) {
        return TenantContextHolder.callAs(ws.context(), () -> touchpoints.existsIn(ws.id(), touchpoint));
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
