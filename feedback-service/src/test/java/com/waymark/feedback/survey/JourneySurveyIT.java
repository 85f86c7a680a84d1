package com.waymark.feedback.survey;

import static com.waymark.feedback.support.Fixtures.submission;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/** Journey-level surveys: the journey must be known in the workspace, and its responses carry it to metrics. */
class JourneySurveyIT extends FeedbackIntegrationTest {

    static final String SURVEYS = "/api/workspaces/{ws}/surveys";

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aJourneyAnnouncedByMappingCanBeSurveyedInItsWorkspaceOnlyUntilItIsDeleted() throws Exception {
        Ws ws = fx.workspace();
        UUID journey = announceJourney(ws, "Buy online and return");

        mvc.perform(fx.jsonPost(SURVEYS, with(survey("Journey NPS"), "journeyId", journey), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.journeyId").value(journey.toString()))
                .andExpect(jsonPath("$.touchpointId").isEmpty());

        // a sibling workspace of the same agency, and another agency, do not know it
        Tenancy.Workspace sibling = fx.tenancy().workspaceIn(ws.tenantId());
        String siblingEditor = fx.tenancy().member(sibling, Role.CLIENT_EDITOR);
        mvc.perform(fx.jsonPost(SURVEYS, with(survey("S"), "journeyId", journey), sibling.workspaceId())
                        .with(TestUsers.as(siblingEditor)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("journeyId"));
        Ws other = fx.workspace();
        mvc.perform(fx.jsonPost(SURVEYS, with(survey("S"), "journeyId", journey), other.id())
                        .with(TestUsers.as(other.editor())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("journeyId"));
        mvc.perform(fx.jsonPost(SURVEYS, with(survey("S"), "journeyId", UUID.randomUUID()), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("journeyId"));

        publish(ws, EventTypes.JOURNEY_DELETED, new JourneyDeleted(journey), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> !journeyKnown(ws, journey));
        mvc.perform(fx.jsonPost(SURVEYS, with(survey("S"), "journeyId", journey), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound());
        // a late change does not bring it back
        UUID late = publish(ws, EventTypes.JOURNEY_CHANGED, new JourneyChanged(journey, "late", "current"),
                Instant.now().minusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled(late));
        assertThat(journeyKnown(ws, journey)).isFalse();
    }

    @Test
    void aJourneyKnownOnlyThroughItsTouchpointsIsAccepted() throws Exception {
        Ws ws = fx.workspace();
        UUID touchpoint = fx.touchpoint(ws, "Checkout");
        UUID journey = TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select journey_id from touchpoint where id = ?")
                .param(touchpoint).query(UUID.class).single());

        mvc.perform(fx.jsonPost(SURVEYS, with(survey("Journey NPS"), "journeyId", journey), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.journeyId").value(journey.toString()));
    }

    @Test
    void aSurveyAsksAboutATouchpointOrAJourneyNeverBoth() throws Exception {
        Ws ws = fx.workspace();
        UUID touchpoint = fx.touchpoint(ws, "Checkout");
        UUID journey = announceJourney(ws, "Onboarding");

        mvc.perform(fx.jsonPost(SURVEYS, with(with(survey("S"), "journeyId", journey), "touchpointId", touchpoint), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("touchpointId", "journeyId")));
        assertThat(surveysIn(ws)).isZero();

        UUID surveyId = fx.createSurveyId(ws, with(survey("S"), "touchpointId", touchpoint));
        mvc.perform(patch(SURVEYS + "/{id}", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("application/merge-patch+json").content(fx.write(Map.of("journeyId", journey))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("touchpointId", "journeyId")));
        Map<String, Object> moveToJourney = new HashMap<>();
        moveToJourney.put("journeyId", journey);
        moveToJourney.put("touchpointId", null);
        mvc.perform(patch(SURVEYS + "/{id}", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("application/merge-patch+json").content(fx.write(moveToJourney)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.journeyId").value(journey.toString()))
                .andExpect(jsonPath("$.touchpointId").isEmpty());
        Ws other = fx.workspace();
        UUID otherJourney = announceJourney(other, "Theirs");
        mvc.perform(patch(SURVEYS + "/{id}", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("application/merge-patch+json").content(fx.write(Map.of("journeyId", otherJourney))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("journeyId"));
    }

    @Test
    void responsesToAJourneySurveyCarryTheJourneyAndAPseudonymousRespondentKeyNeverTheClearValues() throws Exception {
        Ws ws = fx.workspace();
        UUID journey = announceJourney(ws, "Buy online");
        UUID surveyId = fx.createSurveyId(ws, with(survey("Journey NPS"), "journeyId", journey));
        String token = fx.publish(ws, surveyId);

        Map<String, Object> byEmail = submission(UUID.randomUUID(), "nps", 9);
        byEmail.put("respondent", Map.of("email", "  Grace.Hopper@Example.TEST "));
        fx.submit(token, byEmail);
        fx.submit(token, submission(UUID.randomUUID(), "nps", 4));

        Instant at = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String csv = String.join("\n", "submissionId,submittedAt,externalId,email,nps",
                UUID.randomUUID() + "," + at + ", crm-7 ,linus@example.test,8",
                UUID.randomUUID() + "," + at + ",,Ada@Example.test,6",
                UUID.randomUUID() + "," + at + ",,not-an-email,6");
        mvc.perform(post(SURVEYS + "/{id}/responses:import", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected[0].row").value(4))
                .andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.startsWith("email:")));

        List<JsonNode> events = fx.outboxEvents(ws, EventTypes.RESPONSE_SUBMITTED);
        assertThat(events).hasSize(4);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("data").get("journeyId").asString()).isEqualTo(journey.toString());
            assertThat(event.get("data").get("touchpointId").isNull()).isTrue();
            String text = event.toString().toLowerCase();
            assertThat(text).doesNotContain("grace.hopper").doesNotContain("linus@").doesNotContain("ada@")
                    .doesNotContain("crm-7");
        });
        assertThat(events).extracting(event -> event.get("data").get("respondentKey"))
                .extracting(key -> key.isNull() ? null : key.asString())
                .containsExactlyInAnyOrder(
                        sha256Hex(ws.id() + ":grace.hopper@example.test"),
                        null,
                        sha256Hex(ws.id() + ":crm-7"),
                        sha256Hex(ws.id() + ":ada@example.test"));
    }

    private UUID announceJourney(Ws ws, String name) {
        UUID journey = UUID.randomUUID();
        publish(ws, EventTypes.JOURNEY_CHANGED, new JourneyChanged(journey, name, "current"), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> journeyKnown(ws, journey));
        return journey;
    }

    private UUID publish(Ws ws, String type, Object data, Instant occurredAt) {
        EventEnvelope envelope = new EventEnvelope(Uuids.timeOrdered(), type, 1, occurredAt,
                ws.tenantId(), ws.id(), json.valueToTree(data));
        rabbit.send("cx.events", type, MessageBuilder.withBody(json.writeValueAsBytes(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());
        return envelope.id();
    }

    private boolean handled(UUID eventId) {
        return jdbc.sql("select count(*) from inbox where event_id = ?").param(eventId).query(Integer.class).single() == 1;
    }

    private boolean journeyKnown(Ws ws, UUID journey) {
        return TenantContextHolder.callAs(ws.context(), () -> touchpoints.journeyExistsIn(ws.id(), journey));
    }

    private int surveysIn(Ws ws) {
        return TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select count(*) from survey")
                .query(Integer.class).single());
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
