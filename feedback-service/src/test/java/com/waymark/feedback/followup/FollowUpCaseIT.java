package com.waymark.feedback.followup;

import static com.waymark.feedback.support.Fixtures.submission;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.TestUsers;

class FollowUpCaseIT extends FeedbackIntegrationTest {

    static final String CASES = "/api/workspaces/{ws}/cases";
    static final String CASE = "/api/workspaces/{ws}/cases/{id}";

    Ws ws;
    UUID touchpoint;
    UUID surveyId;
    String token;

    @BeforeEach
    void aSurveyThatAsksForFollowUps() throws Exception {
        ws = fx.workspace();
        touchpoint = fx.touchpoint(ws, "Checkout page");
        surveyId = fx.createSurveyId(ws, with(with(survey("Checkout"), "touchpointId", touchpoint), "openCaseForDetractors", true));
        token = fx.publish(ws, surveyId);
    }

    @Test
    void detractorAnswerOpensFollowUpCaseDueAfterTheSla() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID detractor = fx.respond(ws, token, "nps", 3, "csat", 1);
        fx.respond(ws, token, "nps", 9);
        fx.respond(ws, token, "nps", 7, "ces", 1);
        UUID unhappy = fx.respond(ws, token, "nps", 8, "csat", 2);

        List<JsonNode> cases = cases("");
        assertThat(cases).hasSize(2);
        JsonNode csatCase = cases.get(0);
        JsonNode npsCase = cases.get(1);
        assertThat(npsCase.get("responseId").asString()).isEqualTo(detractor.toString());
        assertThat(npsCase.get("surveyId").asString()).isEqualTo(surveyId.toString());
        assertThat(npsCase.get("touchpointId").asString()).isEqualTo(touchpoint.toString());
        assertThat(npsCase.get("title").asString()).isEqualTo("Detractor: NPS 3 on \u201cCheckout\u201d");
        assertThat(npsCase.get("status").asString()).isEqualTo("open");
        assertThat(npsCase.get("origin").asString()).isEqualTo("detractor");
        assertThat(npsCase.get("owner").isNull()).isTrue();
        assertThat(npsCase.get("overdue").asBoolean()).isFalse();
        Instant createdAt = Instant.parse(npsCase.get("createdAt").asString());
        assertThat(createdAt).isBetween(before, Instant.now());
        assertThat(Instant.parse(npsCase.get("dueAt").asString())).isEqualTo(createdAt.plus(Duration.ofDays(2)));
        assertThat(csatCase.get("responseId").asString()).isEqualTo(unhappy.toString());
        assertThat(csatCase.get("title").asString()).startsWith("Detractor: CSAT 2");
    }

    @Test
    void aRetriedSubmissionOpensNoSecondCaseAndSurveysThatDoNotAskOpenNone() throws Exception {
        Map<String, Object> body = submission(UUID.randomUUID(), "nps", 0);
        fx.submit(token, body);
        fx.submit(token, body);
        String quiet = fx.publish(ws, fx.createSurveyId(ws, survey("No follow-ups")));
        fx.respond(ws, quiet, "nps", 1);

        assertThat(cases("")).hasSize(1);
    }

    @Test
    void aCaseIsOpenedByHandFollowedAndClosed() throws Exception {
        UUID response = fx.respond(ws, fx.publish(ws, fx.createSurveyId(ws, survey("Plain"))), "nps", 5);
        Instant due = Instant.parse("2030-01-31T12:00:00Z");
        String created = create(Map.of("title", "  Call back about delivery  ", "owner", "Customer care",
                "responseId", response.toString(), "dueAt", due.toString(), "note", "Prefers email"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(header().string("Location", containsString("/cases/")))
                .andExpect(jsonPath("$.title").value("Call back about delivery"))
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.origin").value("manual"))
                .andExpect(jsonPath("$.responseId").value(response.toString()))
                .andExpect(jsonPath("$.surveyId").isNotEmpty())
                .andExpect(jsonPath("$.dueAt").value(due.toString()))
                .andExpect(jsonPath("$.closedAt").isEmpty())
                .andReturn().getResponse().getContentAsString();
        String id = fx.read(created).get("id").asString();

        mvc.perform(get(CASE, ws.id(), id).with(TestUsers.as(fx.member(ws, Role.CLIENT_VIEWER))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.note").value("Prefers email"));

        edit(id, "{\"status\":\"in-progress\",\"owner\":\"Dana\"}", "\"1\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.status").value("in-progress"))
                .andExpect(jsonPath("$.owner").value("Dana"));
        edit(id, "{\"status\":\"closed\"}", "\"1\"").andExpect(status().isPreconditionFailed());
        // closing needs to say how it was resolved
        edit(id, "{\"status\":\"closed\",\"note\":null}", "\"2\"").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolution"));
        String closed = edit(id, "{\"status\":\"closed\",\"note\":null,\"resolution\":\"  Refunded the fee  \"}", "\"2\"")
                .andExpect(jsonPath("$.status").value("closed"))
                .andExpect(jsonPath("$.resolution").value("Refunded the fee"))
                .andExpect(jsonPath("$.note").isEmpty())
                .andExpect(jsonPath("$.closedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(fx.read(closed).get("closedAt").asString())).isAfter(Instant.now().minusSeconds(60));
        edit(id, "{\"status\":\"open\"}", null)
                .andExpect(jsonPath("$.closedAt").isEmpty())
                .andExpect(jsonPath("$.resolution").value("Refunded the fee"))
                .andExpect(jsonPath("$.version").value(4));
        // sending back what was read changes nothing
        String current = mvc.perform(get(CASE, ws.id(), id).with(TestUsers.as(ws.editor()))).andReturn().getResponse()
                .getContentAsString();
        edit(id, current, null).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(4));
    }

    @Test
    void listsFilterByStatusOwnerAndOverdue() throws Exception {
        String late = id(create(Map.of("title", "Late", "owner", "Dana", "dueAt", Instant.now().minusSeconds(3600).toString())));
        String onTime = id(create(Map.of("title", "On time", "owner", "Dana")));
        String doneLate = id(create(Map.of("title", "Done late", "owner", "Eli", "status", "closed",
                "resolution", "Sent a voucher", "dueAt", Instant.now().minusSeconds(7200).toString())));
        String busy = id(create(Map.of("title", "Busy", "status", "in-progress")));

        assertThat(ids("")).containsExactly(busy, doneLate, onTime, late);
        assertThat(ids("?overdue=true")).containsExactly(late);
        assertThat(ids("?overdue=false")).containsExactly(busy, doneLate, onTime);
        assertThat(ids("?owner=Dana")).containsExactly(onTime, late);
        assertThat(ids("?status=closed")).containsExactly(doneLate);
        assertThat(ids("?status=in-progress")).containsExactly(busy);
        assertThat(ids("?status=open&owner=Dana&overdue=true")).containsExactly(late);
        assertThat(ids("?limit=3")).hasSize(3);
        mvc.perform(get(CASE, ws.id(), late).with(TestUsers.as(ws.editor()))).andExpect(jsonPath("$.overdue").value(true));
        mvc.perform(get(CASE, ws.id(), doneLate).with(TestUsers.as(ws.editor()))).andExpect(jsonPath("$.overdue").value(false));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        create(Map.of("title", " ", "status", "pending")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("title", "status")));
        create(Map.of("title", "x".repeat(201))).andExpect(jsonPath("$.errors[0].field").value("title"));
        create(Map.of("title", "T", "note", "n".repeat(5001))).andExpect(jsonPath("$.errors[0].field").value("note"));
        create(Map.of("title", "T", "dueAt", "tomorrow")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueAt"));
        create(Map.of("title", "T", "responseId", UUID.randomUUID().toString())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("responseId"));
        create(Map.of("title", "T", "surveyId", UUID.randomUUID().toString())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("surveyId"));
        create(Map.of("title", "T", "touchpointId", UUID.randomUUID().toString())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
        UUID response = fx.respond(ws, token, "nps", 9);
        create(Map.of("title", "T", "responseId", response.toString(), "surveyId", UUID.randomUUID().toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("surveyId"));
        mvc.perform(get(CASES + "?status=pending", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get(CASES + "?overdue=maybe", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("overdue"));
        assertThat(cases("")).isEmpty();

        String id = id(create(Map.of("title", "Keep me")));
        edit(id, "{\"title\":\"\",\"status\":\"done\"}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(2)));
        edit(id, "{\"dueAt\":null}", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueAt"));
        edit(id, "{\"surveyId\":\"" + surveyId + "\"}", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("surveyId"));
        edit(id, "[1]", null).andExpect(status().isBadRequest());
        mvc.perform(get(CASE, ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.title").value("Keep me"))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void viewersReadButDoNotWrite() throws Exception {
        String id = id(create(Map.of("title", "T")));
        String viewer = fx.member(ws, Role.CLIENT_VIEWER);
        mvc.perform(fx.jsonPost(CASES, Map.of("title", "V"), ws.id()).with(TestUsers.as(viewer))).andExpect(status().isForbidden());
        mvc.perform(patch(CASE, ws.id(), id).with(TestUsers.as(viewer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"closed\"}")).andExpect(status().isForbidden());
        mvc.perform(get(CASES, ws.id()).with(TestUsers.as(viewer))).andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get(CASE, ws.id(), id).with(TestUsers.as(viewer))).andExpect(jsonPath("$.status").value("open"));
    }

    @Test
    void theSameIdempotencyKeyOpensOneCase() throws Exception {
        String first = mvc.perform(fx.jsonPost(CASES, Map.of("title", "Once"), ws.id()).with(TestUsers.as(ws.editor()))
                        .header("Idempotency-Key", "k-1"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(fx.jsonPost(CASES, Map.of("title", "Once"), ws.id()).with(TestUsers.as(ws.editor()))
                        .header("Idempotency-Key", "k-1"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fx.read(again).get("id")).isEqualTo(fx.read(first).get("id"));
        assertThat(cases("")).hasSize(1);
    }

    @Test
    void erasingTheResponseKeepsItsCaseWithoutTheLink() throws Exception {
        UUID response = fx.respond(ws, token, "nps", 2);
        String caseId = cases("").get(0).get("id").asString();

        mvc.perform(delete("/api/workspaces/{ws}/responses/{id}", ws.id(), response)
                .with(TestUsers.as(fx.member(ws, Role.CLIENT_ADMIN)))).andExpect(status().isNoContent());

        mvc.perform(get(CASE, ws.id(), caseId).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responseId").isEmpty())
                .andExpect(jsonPath("$.surveyId").value(surveyId.toString()))
                .andExpect(jsonPath("$.title").value(containsString("NPS 2")));
    }

    private ResultActions create(Map<String, Object> body) throws Exception {
        return mvc.perform(fx.jsonPost(CASES, new LinkedHashMap<>(body), ws.id()).with(TestUsers.as(ws.editor())));
    }

    private ResultActions edit(String id, String patch, String ifMatch) throws Exception {
        var request = patch(CASE, ws.id(), id).with(TestUsers.as(ws.editor())).contentType(MediaType.APPLICATION_JSON).content(patch);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private String id(ResultActions created) throws Exception {
        return fx.read(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private List<JsonNode> cases(String query) throws Exception {
        String listed = mvc.perform(get(CASES + query, ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<JsonNode> items = new ArrayList<>();
        fx.read(listed).get("items").forEach(items::add);
        return items;
    }

    private List<String> ids(String query) throws Exception {
        return cases(query).stream().map(item -> item.get("id").asString()).toList();
    }
}
