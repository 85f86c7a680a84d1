package com.waymark.feedback;

import static com.waymark.feedback.support.Fixtures.submission;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestUsers;

/** Nothing of one workspace is visible or changeable from another workspace or agency. */
class IsolationIT extends FeedbackIntegrationTest {

    Ws home;
    UUID surveyId;
    UUID responseId;
    UUID touchpoint;
    UUID caseId;

    @BeforeEach
    void aWorkspaceWithASurveyAndAResponse() throws Exception {
        home = fx.workspace();
        touchpoint = fx.touchpoint(home, "Checkout page");
        surveyId = fx.createSurveyId(home, with(survey("Home survey"), "touchpointId", touchpoint));
        String token = fx.publish(home, surveyId);
        fx.submit(token, submission(UUID.randomUUID(), "nps", 8));
        String listed = mvc.perform(get("/api/workspaces/{ws}/responses", home.id()).with(TestUsers.as(home.editor())))
                .andReturn().getResponse().getContentAsString();
        responseId = UUID.fromString(fx.read(listed).get("items").get(0).get("id").asString());
        String opened = mvc.perform(fx.jsonPost("/api/workspaces/{ws}/cases", Map.of("title", "Home case",
                        "responseId", responseId.toString()), home.id()).with(TestUsers.as(home.editor())))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        caseId = UUID.fromString(fx.read(opened).get("id").asString());
    }

    /** The endpoints of erasure, export, cases and survey transfer, addressed at {@code workspace} with the home ids. */
    List<MockHttpServletRequestBuilder> laterEndpoints(UUID workspace) {
        String base = "/api/workspaces/" + workspace;
        return List.of(
                delete(base + "/responses/" + responseId),
                get(base + "/responses?surveyId=" + surveyId).accept("text/csv"),
                get(base + "/cases"),
                post(base + "/cases").contentType(MediaType.APPLICATION_JSON)
                        .content(fx.write(Map.of("title", "Intruder", "responseId", responseId.toString()))),
                get(base + "/cases/" + caseId),
                patch(base + "/cases/" + caseId).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"closed\"}"),
                get(base + "/surveys/" + surveyId).accept("application/vnd.waymark.survey+json"),
                get(base + "/surveys/" + surveyId + "/export"),
                post(base + "/surveys:import").contentType(MediaType.APPLICATION_JSON).content(fx.write(survey("Intruder"))));
    }

    /** Every authenticated endpoint, addressed at {@code workspace} with the home workspace's ids. */
    List<MockHttpServletRequestBuilder> everyEndpoint(UUID workspace) {
        String surveys = "/api/workspaces/" + workspace + "/surveys";
        return List.of(
                get(surveys),
                post(surveys).contentType(MediaType.APPLICATION_JSON).content(fx.write(survey("Intruder"))),
                get(surveys + "/" + surveyId),
                patch(surveys + "/" + surveyId).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"hacked\"}"),
                delete(surveys + "/" + surveyId),
                post(surveys + "/" + surveyId + "/publish"),
                post(surveys + "/" + surveyId + "/close"),
                post(surveys + "/" + surveyId + "/responses:import").contentType("text/csv")
                        .content("submissionId,submittedAt,nps\n" + UUID.randomUUID() + "," + Instant.now().minusSeconds(5) + ",0\n"),
                get("/api/workspaces/" + workspace + "/responses"),
                get("/api/workspaces/" + workspace + "/responses/" + responseId));
    }

    @Test
    void aMemberOfAnotherWorkspaceFindsNothingHere() throws Exception {
        String stranger = fx.member(fx.workspace(), Role.CLIENT_ADMIN);
        for (MockHttpServletRequestBuilder request : concat(everyEndpoint(home.id()), laterEndpoints(home.id()))) {
            mvc.perform(request.with(TestUsers.as(stranger))).andExpect(status().isNotFound());
        }
        assertUntouched();
    }

    @Test
    void anAdminOfAnotherAgencyFindsNothingHere() throws Exception {
        String otherAgencyAdmin = fx.member(fx.workspace(), Role.AGENCY_ADMIN);
        for (MockHttpServletRequestBuilder request : concat(everyEndpoint(home.id()), laterEndpoints(home.id()))) {
            mvc.perform(request.with(TestUsers.as(otherAgencyAdmin))).andExpect(status().isNotFound());
        }
        assertUntouched();
    }

    @Test
    void idsOfAnotherWorkspaceAreNotFoundThroughOnesOwnWorkspace() throws Exception {
        Ws other = fx.workspace();
        List<MockHttpServletRequestBuilder> requests = everyEndpoint(other.id());
        // list endpoints and create answer normally, but show nothing of the home workspace
        mvc.perform(requests.get(0).with(TestUsers.as(other.editor())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(requests.get(8).with(TestUsers.as(other.editor())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
        for (MockHttpServletRequestBuilder request : requests.subList(2, 8)) {
            mvc.perform(request.with(TestUsers.as(other.editor()))).andExpect(status().isNotFound());
        }
        mvc.perform(requests.get(9).with(TestUsers.as(other.editor()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{ws}/responses?surveyId={s}", other.id(), surveyId).with(TestUsers.as(other.editor())))
                .andExpect(jsonPath("$.items", hasSize(0)));
        assertUntouched();
    }

    @Test
    void idsOfAnotherWorkspaceAreNotFoundThroughOnesOwnWorkspaceForErasureExportCasesAndTransfer() throws Exception {
        Ws other = fx.workspace();
        String otherAdmin = fx.member(other, Role.CLIENT_ADMIN);
        fx.respond(other, fx.publishedSurvey(other), "nps", 1);
        List<MockHttpServletRequestBuilder> requests = laterEndpoints(other.id());

        mvc.perform(requests.get(0).with(TestUsers.as(otherAdmin))).andExpect(status().isNotFound());
        // the export of the home survey's id through the other workspace has a header and no rows
        String csv = mvc.perform(requests.get(1).with(TestUsers.as(otherAdmin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(1);
        mvc.perform(get("/api/workspaces/{ws}/responses", other.id()).with(TestUsers.as(otherAdmin)).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString().split("\r\n")).hasSize(2));
        mvc.perform(requests.get(2).with(TestUsers.as(otherAdmin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(requests.get(3).with(TestUsers.as(otherAdmin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors[0].field").value("responseId"));
        for (MockHttpServletRequestBuilder request : requests.subList(4, 8)) {
            mvc.perform(request.with(TestUsers.as(otherAdmin))).andExpect(status().isNotFound());
        }
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/cases", Map.of("title", "T", "surveyId", surveyId.toString()), other.id())
                        .with(TestUsers.as(otherAdmin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors[0].field").value("surveyId"));
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/cases", Map.of("title", "T", "touchpointId", touchpoint.toString()), other.id())
                        .with(TestUsers.as(otherAdmin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
        // an import creates in one's own workspace only
        mvc.perform(requests.get(8).with(TestUsers.as(otherAdmin))).andExpect(status().isCreated());
        assertUntouched();
    }

    @Test
    void aTouchpointOfAnotherWorkspaceCannotBeSurveyed() throws Exception {
        Ws other = fx.workspace();
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", with(survey("S"), "touchpointId", touchpoint), other.id())
                        .with(TestUsers.as(other.editor())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
        UUID ownSurvey = fx.createSurveyId(other, survey("S"));
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", other.id(), ownSurvey).with(TestUsers.as(other.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"touchpointId\":\"" + touchpoint + "\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void agencyStaffSeeEachClientsSurveysOnlyInThatClientsWorkspace() throws Exception {
        String staff = fx.member(home, Role.AGENCY_STAFF);
        Ws sibling = new Ws(fx.tenancy().workspaceIn(home.tenantId()), staff);
        UUID siblingSurvey = fx.createSurveyId(sibling, survey("Sibling survey"));

        mvc.perform(get("/api/workspaces/{ws}/surveys", home.id()).with(TestUsers.as(staff)))
                .andExpect(jsonPath("$.items[*].id").value(contains(surveyId.toString())));
        mvc.perform(get("/api/workspaces/{ws}/surveys", sibling.id()).with(TestUsers.as(staff)))
                .andExpect(jsonPath("$.items[*].id").value(contains(siblingSurvey.toString())));
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", sibling.id(), surveyId).with(TestUsers.as(staff)))
                .andExpect(status().isNotFound());
    }

    @Test
    void rowLevelSecurityHidesOtherWorkspacesEvenWithoutAWhereClause() throws Exception {
        Ws other = fx.workspace();
        fx.createSurveyId(other, survey("Other survey"));

        List<String> seen = TenantContextHolder.callAs(other.context(),
                () -> jdbc.sql("select name from survey").query(String.class).list());
        int responsesSeen = TenantContextHolder.callAs(other.context(),
                () -> jdbc.sql("select count(*) from response").query(Integer.class).single());
        int withoutContext = jdbc.sql("select count(*) from survey").query(Integer.class).single();
        int casesSeen = TenantContextHolder.callAs(other.context(),
                () -> jdbc.sql("select count(*) from follow_up_case").query(Integer.class).single());
        int touchpointsOfTenant = TenantContextHolder.callAs(TenantContext.ofTenant(other.tenantId()),
                () -> jdbc.sql("select count(*) from touchpoint").query(Integer.class).single());

        assertThat(seen).containsExactly("Other survey");
        assertThat(responsesSeen).isZero();
        assertThat(casesSeen).isZero();
        assertThat(withoutContext).isZero();
        assertThat(touchpointsOfTenant).isZero();
    }

    @Test
    void respondentPrivacySettingsOfAWorkspaceAreNeitherVisibleNorChangeableFromElsewhere() throws Exception {
        String privacy = "/api/workspaces/" + home.id() + "/respondent-privacy";
        String turnOn = "{\"storeClientAddress\":true,\"storeUserAgent\":true}";
        String stranger = fx.member(fx.workspace(), Role.CLIENT_ADMIN);
        String otherAgencyAdmin = fx.member(fx.workspace(), Role.AGENCY_ADMIN);
        for (String intruder : List.of(stranger, otherAgencyAdmin)) {
            mvc.perform(get(privacy).with(TestUsers.as(intruder))).andExpect(status().isNotFound());
            mvc.perform(put(privacy).with(TestUsers.as(intruder)).contentType(MediaType.APPLICATION_JSON).content(turnOn))
                    .andExpect(status().isNotFound());
        }
        // turning it on in another workspace of the same agency leaves this one as it was
        Ws sibling = new Ws(fx.tenancy().workspaceIn(home.tenantId()), home.editor());
        String agencyAdmin = fx.member(sibling, Role.AGENCY_ADMIN);
        mvc.perform(put("/api/workspaces/{ws}/respondent-privacy", sibling.id()).with(TestUsers.as(agencyAdmin))
                .contentType(MediaType.APPLICATION_JSON).content(turnOn)).andExpect(status().isOk());

        mvc.perform(get(privacy).with(TestUsers.as(home.editor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.storeClientAddress").value(false))
                .andExpect(jsonPath("$.storeUserAgent").value(false));
    }

    @Test
    void brandingWebhooksCaseCommentsAndRespondentErasureOfAWorkspaceAreOutOfReachFromElsewhere() throws Exception {
        String homeAdmin = fx.member(home, Role.CLIENT_ADMIN);
        String base = "/api/workspaces/" + home.id();
        mvc.perform(put(base + "/branding").with(TestUsers.as(homeAdmin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"primaryColor\":\"#0f766e\",\"senderName\":\"Home\"}")).andExpect(status().isOk());
        String webhookId = fx.read(mvc.perform(post(base + "/webhooks").with(TestUsers.as(homeAdmin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"http://127.0.0.1:9/home\",\"active\":false}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(post(base + "/cases/" + caseId + "/comments").with(TestUsers.as(home.editor()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Home note\"}")).andExpect(status().isCreated());

        Ws other = fx.workspace();
        String otherAdmin = fx.member(other, Role.CLIENT_ADMIN);
        String otherAgencyAdmin = fx.member(fx.workspace(), Role.AGENCY_ADMIN);
        for (UUID workspace : List.of(home.id(), other.id())) {
            String at = "/api/workspaces/" + workspace;
            java.util.function.Supplier<List<MockHttpServletRequestBuilder>> byHomeIds = () -> List.of(
                    get(at + "/cases/" + caseId + "/comments"),
                    post(at + "/cases/" + caseId + "/comments").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Intruder\"}"),
                    get(at + "/webhooks/" + webhookId),
                    patch(at + "/webhooks/" + webhookId).contentType(MediaType.APPLICATION_JSON).content("{\"active\":true}"),
                    delete(at + "/webhooks/" + webhookId),
                    get(at + "/webhooks/" + webhookId + "/deliveries"));
            List<String> intruders = workspace.equals(home.id()) ? List.of(otherAdmin, otherAgencyAdmin) : List.of(otherAdmin);
            for (String intruder : intruders) {
                for (MockHttpServletRequestBuilder request : byHomeIds.get()) {
                    mvc.perform(request.with(TestUsers.as(intruder))).andExpect(status().isNotFound());
                }
            }
        }
        for (String intruder : List.of(otherAdmin, otherAgencyAdmin)) {
            for (MockHttpServletRequestBuilder request : List.of(get(base + "/branding"),
                    put(base + "/branding").contentType(MediaType.APPLICATION_JSON).content("{\"senderName\":\"Hacked\"}"),
                    get(base + "/webhooks"),
                    post(base + "/webhooks").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"http://127.0.0.1:9/x\"}"),
                    post(base + "/responses:erase").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"respondentEmail\":\"someone@example.test\"}"))) {
                mvc.perform(request.with(TestUsers.as(intruder))).andExpect(status().isNotFound());
            }
        }
        // through one's own workspace: lists are empty, the branding is one's own, an erasure finds nobody here
        mvc.perform(get("/api/workspaces/{ws}/webhooks", other.id()).with(TestUsers.as(otherAdmin)))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/workspaces/{ws}/branding", other.id()).with(TestUsers.as(otherAdmin)))
                .andExpect(jsonPath("$.senderName").isEmpty());

        mvc.perform(get(base + "/branding").with(TestUsers.as(home.editor()))).andExpect(jsonPath("$.senderName").value("Home"));
        mvc.perform(get(base + "/webhooks/" + webhookId).with(TestUsers.as(home.editor())))
                .andExpect(jsonPath("$.url").value("http://127.0.0.1:9/home")).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get(base + "/cases/" + caseId + "/comments").with(TestUsers.as(home.editor())))
                .andExpect(jsonPath("$.items[*].text").value(contains("Home note")));
        assertUntouched();
    }

    private void assertUntouched() throws Exception {
        String read = mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", home.id(), surveyId).with(TestUsers.as(home.editor())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode survey = fx.read(read);
        assertThat(survey.get("name").asString()).isEqualTo("Home survey");
        assertThat(survey.get("status").asString()).isEqualTo("active");
        assertThat(survey.get("version").asInt()).isEqualTo(2);
        assertThat(fx.responsesOf(home, surveyId)).isEqualTo(1);
        mvc.perform(get("/api/workspaces/{ws}/surveys", home.id()).with(TestUsers.as(home.editor())))
                .andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get("/api/workspaces/{ws}/cases", home.id()).with(TestUsers.as(home.editor())))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].title").value("Home case"))
                .andExpect(jsonPath("$.items[0].status").value("open"))
                .andExpect(jsonPath("$.items[0].responseId").value(responseId.toString()));
    }

    private static List<MockHttpServletRequestBuilder> concat(List<MockHttpServletRequestBuilder> a,
            List<MockHttpServletRequestBuilder> b) {
        List<MockHttpServletRequestBuilder> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
