package com.waymark.feedback.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.test.TestUsers;

class ResponseErasureIT extends FeedbackIntegrationTest {

    static final String RESPONSE = "/api/workspaces/{ws}/responses/{id}";

    Ws ws;
    UUID surveyId;
    String token;

    @BeforeEach
    void aPublishedSurvey() throws Exception {
        ws = fx.workspace();
        surveyId = fx.createSurveyId(ws, com.waymark.feedback.support.Fixtures.survey("Checkout"));
        token = fx.publish(ws, surveyId);
    }

    @Test
    void aClientAdminErasesAResponseWithItsAnswersAndMetricsAreToldInTheSameTransaction() throws Exception {
        UUID erased = fx.respond(ws, token, "nps", 2, "comment", "Call me: ada@example.test");
        UUID kept = fx.respond(ws, token, "nps", 9);
        String admin = fx.member(ws, Role.CLIENT_ADMIN);

        mvc.perform(delete(RESPONSE, ws.id(), erased).with(TestUsers.as(admin))).andExpect(status().isNoContent());

        mvc.perform(get(RESPONSE, ws.id(), erased).with(TestUsers.as(admin))).andExpect(status().isNotFound());
        mvc.perform(get(RESPONSE, ws.id(), kept).with(TestUsers.as(admin))).andExpect(status().isOk());
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
        List<JsonNode> events = fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(events.get(0).get("tenantId").asString()).isEqualTo(ws.tenantId().toString());
        assertThat(events.get(0).get("data").get("responseId").asString()).isEqualTo(erased.toString());
        assertThat(events.get(0).get("data").get("surveyId").asString()).isEqualTo(surveyId.toString());
        // the relay publishes it like every other event
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select sent_at is not null from outbox where workspace_id = ? and type = ?")
                .params(ws.id(), EventTypes.RESPONSE_DELETED).query(Boolean.class).single());

        // erasing again finds nothing and announces nothing
        mvc.perform(delete(RESPONSE, ws.id(), erased).with(TestUsers.as(admin))).andExpect(status().isNotFound());
        assertThat(fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED)).hasSize(1);
    }

    @Test
    void agencyRolesMayEraseButEditorsAndViewersMayNot() throws Exception {
        UUID response = fx.respond(ws, token, "nps", 5);
        for (Role role : List.of(Role.CLIENT_EDITOR, Role.CLIENT_VIEWER)) {
            mvc.perform(delete(RESPONSE, ws.id(), response).with(TestUsers.as(fx.member(ws, role))))
                    .andExpect(status().isForbidden());
        }
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
        assertThat(fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED)).isEmpty();

        mvc.perform(delete(RESPONSE, ws.id(), response).with(TestUsers.as(fx.member(ws, Role.AGENCY_STAFF))))
                .andExpect(status().isNoContent());
        UUID another = fx.respond(ws, token, "nps", 6);
        mvc.perform(delete(RESPONSE, ws.id(), another).with(TestUsers.as(fx.member(ws, Role.AGENCY_ADMIN))))
                .andExpect(status().isNoContent());
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
    }

    @Test
    void aMalformedOrUnknownIdIsNotFound() throws Exception {
        String admin = fx.member(ws, Role.CLIENT_ADMIN);
        mvc.perform(delete(RESPONSE, ws.id(), UUID.randomUUID()).with(TestUsers.as(admin))).andExpect(status().isNotFound());
        mvc.perform(delete(RESPONSE, ws.id(), "not-a-uuid").with(TestUsers.as(admin))).andExpect(status().isNotFound());
    }
}
