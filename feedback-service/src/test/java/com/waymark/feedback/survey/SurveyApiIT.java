package com.waymark.feedback.survey;

import static com.waymark.feedback.support.Fixtures.question;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.TestUsers;

class SurveyApiIT extends FeedbackIntegrationTest {

    Ws ws;

    @BeforeEach
    void setUp() {
        ws = fx.workspace();
    }

    @Test
    void aCreatedSurveyIsADraftThatReadsBackTheSame() throws Exception {
        UUID touchpoint = fx.touchpoint(ws, "Checkout page");
        String body = fx.write(with(with(survey("Checkout NPS"), "touchpointId", touchpoint), "openCaseForDetractors", true));

        String created = mvc.perform(post("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.name").value("Checkout NPS"))
                .andExpect(jsonPath("$.touchpointId").value(touchpoint.toString()))
                .andExpect(jsonPath("$.languages[1]").value("de"))
                .andExpect(jsonPath("$.questions", hasSize(6)))
                .andExpect(jsonPath("$.questions[0].kind").value("nps"))
                .andExpect(jsonPath("$.questions[0].options").doesNotExist())
                .andExpect(jsonPath("$.questions[4].options[1].text.de").value("Option b (de)"))
                .andExpect(jsonPath("$.thankYou.de").value("Vielen Dank!"))
                .andExpect(jsonPath("$.openCaseForDetractors").value(true))
                .andExpect(jsonPath("$.distribution").value(nullValue()))
                .andReturn().getResponse().getContentAsString();
        JsonNode survey = fx.read(created);

        String read = mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), survey.get("id").asString())
                        .with(TestUsers.as(fx.member(ws, Role.CLIENT_VIEWER))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(fx.read(read)).isEqualTo(survey);
    }

    @Test
    void invalidSurveysNameEveryFieldAtFaultAndWriteNothing() throws Exception {
        List<Object> questions = new ArrayList<>();
        questions.add(question("nps", "nps", true));
        questions.add(with(question("q2", "stars", true), "id", "nps"));
        questions.add(with(question("q3", "csat", true), "text", Map.of("en", "Happy?")));
        questions.add(with(question("q4", "single-choice", true), "options", List.of()));
        Map<String, Object> body = with(with(with(survey(""), "questions", questions), "languages", List.of("en", "de", "x!")),
                "thankYou", Map.of("fr", "Merci"));

        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", body, ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name", "languages[2]",
                        "questions[1].id", "questions[1].kind", "questions[2].text.de", "questions[3].options", "thankYou.fr")));

        mvc.perform(get("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheField() throws Exception {
        mvc.perform(post("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"languages\":[\"en\"],\"questions\":[{\"id\":\"a\",\"text\":\"not a map\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("questions[0].text"));
        mvc.perform(post("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"touchpointId\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
    }

    @Test
    void anUnknownTouchpointIsNotFoundAndNamed() throws Exception {
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", with(survey("S"), "touchpointId", UUID.randomUUID()), ws.id())
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/not-found"))
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstSurvey() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", survey("S"), ws.id())
                        .with(TestUsers.as(ws.editor())).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", survey("S"), ws.id())
                        .with(TestUsers.as(ws.editor())).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(fx.read(second).get("id")).isEqualTo(fx.read(first).get("id"));
        mvc.perform(get("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void theListIsPagedNewestFirstAndFilteredByStatus() throws Exception {
        UUID first = fx.createSurveyId(ws, survey("first"));
        UUID second = fx.createSurveyId(ws, survey("second"));
        UUID third = fx.createSurveyId(ws, survey("third"));
        fx.publish(ws, second);

        String page1 = mvc.perform(get("/api/workspaces/{ws}/surveys?limit=2", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(third.toString(), second.toString())))
                .andReturn().getResponse().getContentAsString();
        String cursor = fx.read(page1).get("nextCursor").asString();
        mvc.perform(get("/api/workspaces/{ws}/surveys?limit=2&cursor={c}", ws.id(), cursor).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(first.toString())))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
        mvc.perform(get("/api/workspaces/{ws}/surveys?status=active", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(second.toString())))
                .andExpect(jsonPath("$.items[0].distribution.token").isNotEmpty());
        mvc.perform(get("/api/workspaces/{ws}/surveys?status=archived", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void publishingGivesAnUnguessableTokenALinkAndAWidgetSnippetAndRepeatsThem() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));

        String published = mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/publish", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode distribution = fx.read(published);
        String token = distribution.get("token").asString();

        assertThat(token).matches("[A-Za-z0-9_-]{22,}");
        assertThat(distribution.get("link").asString()).isEqualTo("http://localhost:8080/public/s/" + token);
        assertThat(distribution.get("widgetSnippet").asString()).isEqualTo(
                "<script src=\"http://localhost:8080/public/widget.js\" data-survey=\"" + token + "\" async></script>");
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/publish", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.token").value(token));
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.publishedAt").isNotEmpty())
                .andExpect(jsonPath("$.distribution.link").value(distribution.get("link").asString()));
        assertThat(fx.publishedSurvey(ws)).isNotEqualTo(token);
    }

    @Test
    void closingStopsTheSurveyAndADraftCannotBeClosed() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/close", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isConflict());

        fx.publish(ws, id);
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/close", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("closed"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
    }

    @Test
    void aDraftIsEditedByMergePatch() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));
        UUID touchpoint = fx.touchpoint(ws, "Invoice");
        Map<String, Object> patch = Map.of("name", "Renamed", "touchpointId", touchpoint.toString(),
                "questions", List.of(question("csat", "csat", true)), "thankYou", Map.of("de", "Danke schön"));

        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .contentType("application/merge-patch+json").content(fx.write(patch)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("Renamed"))
                .andExpect(jsonPath("$.touchpointId").value(touchpoint.toString()))
                .andExpect(jsonPath("$.questions[*].id").value(org.hamcrest.Matchers.contains("csat")))
                .andExpect(jsonPath("$.thankYou.en").value("Thanks a lot!"))
                .andExpect(jsonPath("$.thankYou.de").value("Danke schön"));

        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"touchpointId\":null,\"languages\":[\"en\",\"fr\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("questions[0].text.fr")));
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"touchpointId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("touchpointId"));
    }

    @Test
    void anActiveSurveyKeepsItsQuestionsButMayBeRenamed() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));
        fx.publish(ws, id);

        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content(fx.write(Map.of("questions", List.of(question("x", "text", false))))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("questions"));
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Renamed while live\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed while live"))
                .andExpect(jsonPath("$.status").value("active"));
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"closed\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void theDocumentAsReadCanBeSentBackWithAChange() throws Exception {
        JsonNode read = fx.createSurvey(ws, survey("S"));
        var edited = ((tools.jackson.databind.node.ObjectNode) read.deepCopy()).put("name", "Edited as a whole");

        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), read.get("id").asString()).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content(edited.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Edited as a whole"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.questions", hasSize(6)));
    }

    @Test
    void aStaleIfMatchIsRefused() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"one\"}"))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"two\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor()))
                        .header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.name").value("one"));
    }

    @Test
    void aDeletedSurveyAndItsLinkAreGone() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));
        String token = fx.publish(ws, id);

        mvc.perform(delete("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/api/surveys/{token}", token)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aViewerReadsButCannotWrite() throws Exception {
        UUID id = fx.createSurveyId(ws, survey("S"));
        String viewer = fx.member(ws, Role.CLIENT_VIEWER);

        mvc.perform(get("/api/workspaces/{ws}/surveys", ws.id()).with(TestUsers.as(viewer))).andExpect(status().isOk());
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(viewer))).andExpect(status().isOk());
        mvc.perform(fx.jsonPost("/api/workspaces/{ws}/surveys", survey("S"), ws.id()).with(TestUsers.as(viewer)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/forbidden"));
        mvc.perform(patch("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(viewer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/publish", ws.id(), id).with(TestUsers.as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/close", ws.id(), id).with(TestUsers.as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/responses:import", ws.id(), id).with(TestUsers.as(viewer))
                .contentType("text/csv").content("submissionId,submittedAt,nps\n")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/workspaces/{ws}/surveys/{id}", ws.id(), id).with(TestUsers.as(viewer)))
                .andExpect(jsonPath("$.status").value("draft"));
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/workspaces/{ws}/surveys", ws.id())).andExpect(status().isUnauthorized());
    }
}
