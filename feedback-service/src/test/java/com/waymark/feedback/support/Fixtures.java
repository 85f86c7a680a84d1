package com.waymark.feedback.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.feedback.touchpoint.Touchpoints;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/** Object mother for feedback tests: workspaces with an editor, surveys, touchpoints and responses. */
public final class Fixtures {

    private final MockMvc mvc;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final Touchpoints touchpoints;
    private final Tenancy tenancy;

    public Fixtures(MockMvc mvc, JsonMapper json, JdbcClient jdbc, AccessModel access, Touchpoints touchpoints) {
        this.mvc = mvc;
        this.json = json;
        this.jdbc = jdbc;
        this.touchpoints = touchpoints;
        this.tenancy = new Tenancy(access);
    }

    /** A workspace of a fresh agency and a client editor in it. */
    public record Ws(Tenancy.Workspace workspace, String editor) {

        public UUID id() {
            return workspace.workspaceId();
        }

        public UUID tenantId() {
            return workspace.tenantId();
        }

        public TenantContext context() {
            return TenantContext.ofWorkspace(workspace.tenantId(), workspace.workspaceId());
        }
    }

    public Tenancy tenancy() {
        return tenancy;
    }

    public Ws workspace() {
        Tenancy.Workspace workspace = tenancy.newWorkspace();
        return new Ws(workspace, tenancy.member(workspace, Role.CLIENT_EDITOR));
    }

    public String member(Ws ws, Role role) {
        return tenancy.member(ws.workspace(), role);
    }

    /** A touchpoint of the workspace in the read model, as a mapping event would have left it. */
    public UUID touchpoint(Ws ws, String name) {
        UUID id = UUID.randomUUID();
        TenantContextHolder.runAs(ws.context(), () -> touchpoints.apply(ws.tenantId(), ws.id(),
                new TouchpointChanged(id, UUID.randomUUID(), UUID.randomUUID(), name, null, 0), Instant.now()));
        return id;
    }

    // ---- request bodies

    public static Map<String, Object> texts(String en, String de) {
        Map<String, Object> texts = new LinkedHashMap<>();
        texts.put("en", en);
        texts.put("de", de);
        return texts;
    }

    public static Map<String, Object> question(String id, String kind, boolean required) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("id", id);
        question.put("kind", kind);
        question.put("text", texts("Question " + id + "?", "Frage " + id + "?"));
        question.put("required", required);
        if (kind.endsWith("-choice")) {
            question.put("options", List.of(option("a"), option("b"), option("c")));
        }
        return question;
    }

    public static Map<String, Object> option(String id) {
        return Map.of("id", id, "text", texts("Option " + id, "Option " + id + " (de)"));
    }

    /** English and German; a required NPS question, then optional CSAT, CES, text and choice questions. */
    public static Map<String, Object> survey(String name) {
        Map<String, Object> survey = new LinkedHashMap<>();
        survey.put("name", name);
        survey.put("languages", List.of("en", "de"));
        survey.put("questions", new ArrayList<>(List.of(
                question("nps", "nps", true),
                question("csat", "csat", false),
                question("ces", "ces", false),
                question("comment", "text", false),
                question("reason", "single-choice", false),
                question("topics", "multi-choice", false))));
        survey.put("thankYou", texts("Thanks a lot!", "Vielen Dank!"));
        return survey;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    public String write(Object body) {
        return json.writeValueAsString(body);
    }

    public JsonNode read(String body) {
        return json.readTree(body);
    }

    public MockHttpServletRequestBuilder jsonPost(String path, Object body, Object... variables) {
        return post(path, variables).contentType(MediaType.APPLICATION_JSON).content(write(body));
    }

    // ---- through the API

    public JsonNode createSurvey(Ws ws, Map<String, Object> body) throws Exception {
        String created = mvc.perform(jsonPost("/api/workspaces/{ws}/surveys", body, ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return read(created);
    }

    public UUID createSurveyId(Ws ws, Map<String, Object> body) throws Exception {
        return UUID.fromString(createSurvey(ws, body).get("id").asString());
    }

    /** Publishes and returns the public token. */
    public String publish(Ws ws, UUID surveyId) throws Exception {
        String published = mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/publish", ws.id(), surveyId)
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return read(published).get("token").asString();
    }

    public String publishedSurvey(Ws ws) throws Exception {
        return publish(ws, createSurveyId(ws, survey("Checkout")));
    }

    public static Map<String, Object> submission(UUID submissionId, Object... questionValuePairs) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < questionValuePairs.length; i += 2) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("questionId", questionValuePairs[i]);
            answer.put("value", questionValuePairs[i + 1]);
            answers.add(answer);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", submissionId.toString());
        body.put("answers", answers);
        return body;
    }

    public void submit(String token, Map<String, Object> submission) throws Exception {
        mvc.perform(jsonPost("/public/api/surveys/{token}/responses", submission, token))
                .andExpect(status().isAccepted());
    }

    /** Submits the answers (question id, value pairs) through the public API; the stored response's id. */
    public UUID respond(Ws ws, String token, Object... questionValuePairs) throws Exception {
        UUID submissionId = UUID.randomUUID();
        submit(token, submission(submissionId, questionValuePairs));
        return TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select id from response where submission_id = ?")
                .param(submissionId).query(UUID.class).single());
    }

    // ---- what is stored

    public int responsesOf(Ws ws, UUID surveyId) {
        return TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select count(*) from response where survey_id = ?")
                .param(surveyId).query(Integer.class).single());
    }

    /** Payloads (envelopes) of the workspace's outbox events of one type, oldest first. */
    public List<JsonNode> outboxEvents(Ws ws, String type) {
        return jdbc.sql("select payload::text from outbox where workspace_id = ? and type = ? order by id")
                .params(ws.id(), type).query(String.class).list().stream().map(this::read).toList();
    }

    public int eventsOf(Ws ws) {
        return jdbc.sql("select count(*) from outbox where workspace_id = ? and type = 'feedback.response.submitted'")
                .param(ws.id()).query(Integer.class).single();
    }
}
