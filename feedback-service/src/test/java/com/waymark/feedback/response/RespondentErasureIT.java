package com.waymark.feedback.response;

import static com.waymark.feedback.support.Fixtures.submission;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestUsers;

/** A data subject's erasure request: all their responses, by external id or e-mail, at once. */
class RespondentErasureIT extends FeedbackIntegrationTest {

    static final String ERASE = "/api/workspaces/{ws}/responses:erase";

    Ws ws;
    String token;
    String otherToken;
    String admin;

    @BeforeEach
    void twoSurveysThatOpenCases() throws Exception {
        ws = fx.workspace();
        token = fx.publish(ws, fx.createSurveyId(ws, with(survey("Checkout"), "openCaseForDetractors", true)));
        otherToken = fx.publish(ws, fx.createSurveyId(ws, survey("Returns")));
        admin = fx.member(ws, Role.CLIENT_ADMIN);
    }

    UUID respondAs(String surveyToken, Map<String, Object> respondent, int nps) throws Exception {
        UUID submissionId = UUID.randomUUID();
        fx.submit(surveyToken, with(submission(submissionId, "nps", nps, "comment", "It's me, call 555-0100"),
                "respondent", respondent));
        return TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select id from response where submission_id = ?")
                .param(submissionId).query(UUID.class).single());
    }

    ResultActions erase(String user, Map<String, Object> body) throws Exception {
        return mvc.perform(fx.jsonPost(ERASE, body, ws.id()).with(TestUsers.as(user)));
    }

    @Test
    void everyResponseOfTheRespondentGoesWithTheirCasesAndMetricsHearOfEachOne() throws Exception {
        UUID first = respondAs(token, Map.of("externalId", "crm-4711"), 2);
        UUID second = respondAs(otherToken, Map.of("externalId", "crm-4711", "email", "ada@example.test"), 9);
        UUID someoneElse = respondAs(token, Map.of("externalId", "crm-4712"), 1);
        UUID anonymous = fx.respond(ws, token, "nps", 10);
        String manualCase = fx.read(mvc.perform(fx.jsonPost("/api/workspaces/{ws}/cases", Map.of("title", "Call back",
                        "responseId", first.toString()), ws.id()).with(TestUsers.as(admin)))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/cases/{id}/comments", Map.of("text", "Her phone is 555-0100"), ws.id(),
                manualCase).with(TestUsers.as(admin))).andExpect(status().isCreated());

        erase(admin, Map.of("respondentExternalId", " crm-4711 ")).andExpect(status().isOk())
                .andExpect(jsonPath("$.erased").value(2));

        for (UUID erased : List.of(first, second)) {
            mvc.perform(get("/api/workspaces/{ws}/responses/{id}", ws.id(), erased).with(TestUsers.as(admin)))
                    .andExpect(status().isNotFound());
        }
        for (UUID kept : List.of(someoneElse, anonymous)) {
            mvc.perform(get("/api/workspaces/{ws}/responses/{id}", ws.id(), kept).with(TestUsers.as(admin)))
                    .andExpect(status().isOk());
        }
        List<JsonNode> events = fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED);
        assertThat(events).extracting(event -> event.get("data").get("responseId").asString())
                .containsExactlyInAnyOrder(first.toString(), second.toString());
        // the detractor case and the manual case of the erased response went, with the comment; the other person's stays
        mvc.perform(get("/api/workspaces/{ws}/cases", ws.id()).with(TestUsers.as(admin)))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].responseId").value(someoneElse.toString()));
        int comments = TenantContextHolder.callAs(ws.context(),
                () -> jdbc.sql("select count(*) from follow_up_case_comment").query(Integer.class).single());
        assertThat(comments).isZero();

        // asked again: nothing left, nothing announced
        erase(admin, Map.of("respondentExternalId", "crm-4711")).andExpect(jsonPath("$.erased").value(0));
        assertThat(fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED)).hasSize(2);
    }

    @Test
    void anEmailMatchesWhateverItsCase() throws Exception {
        UUID one = respondAs(token, Map.of("email", "Ada@Example.test"), 8);
        UUID two = respondAs(otherToken, Map.of("email", "ada@example.test"), 7);
        respondAs(token, Map.of("email", "bob@example.test"), 8);

        erase(fx.member(ws, Role.AGENCY_STAFF), Map.of("respondentEmail", "ADA@example.TEST"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.erased").value(2));

        assertThat(fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED)).extracting(event -> event.get("data").get("responseId").asString())
                .containsExactlyInAnyOrder(one.toString(), two.toString());
        int left = TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select count(*) from response").query(Integer.class).single());
        assertThat(left).isEqualTo(1);
    }

    @Test
    void theRequestNamesExactlyOneIdentifierAndOnlyAdminsMayErase() throws Exception {
        respondAs(token, Map.of("externalId", "crm-1"), 5);
        erase(admin, Map.of()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("respondentExternalId"));
        erase(admin, Map.of("respondentExternalId", "crm-1", "respondentEmail", "a@example.test")).andExpect(status().isBadRequest());
        erase(admin, Map.of("respondentEmail", "not-an-email")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("respondentEmail"));
        erase(ws.editor(), Map.of("respondentExternalId", "crm-1")).andExpect(status().isForbidden());
        erase(fx.member(ws, Role.CLIENT_VIEWER), Map.of("respondentExternalId", "crm-1")).andExpect(status().isForbidden());

        int left = TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select count(*) from response").query(Integer.class).single());
        assertThat(left).isEqualTo(1);
        assertThat(fx.outboxEvents(ws, EventTypes.RESPONSE_DELETED)).isEmpty();
    }

    @Test
    void anotherWorkspacesRespondentIsNotTouched() throws Exception {
        respondAs(token, Map.of("externalId", "crm-9"), 5);
        Ws other = fx.workspace();
        mvc.perform(fx.jsonPost(ERASE, Map.of("respondentExternalId", "crm-9"), other.id())
                        .with(TestUsers.as(fx.member(other, Role.CLIENT_ADMIN))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.erased").value(0));
        mvc.perform(fx.jsonPost(ERASE, Map.of("respondentExternalId", "crm-9"), ws.id())
                        .with(TestUsers.as(fx.member(other, Role.CLIENT_ADMIN))))
                .andExpect(status().isNotFound());
        int left = TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select count(*) from response").query(Integer.class).single());
        assertThat(left).isEqualTo(1);
    }
}
