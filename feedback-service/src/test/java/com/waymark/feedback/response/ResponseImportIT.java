package com.waymark.feedback.response;

import static com.waymark.feedback.support.Fixtures.survey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.test.TestUsers;

class ResponseImportIT extends FeedbackIntegrationTest {

    static final String IMPORT = "/api/workspaces/{ws}/surveys/{id}/responses:import";

    Ws ws;
    UUID surveyId;

    @BeforeEach
    void publishedSurvey() throws Exception {
        ws = fx.workspace();
        surveyId = fx.createSurveyId(ws, survey("Checkout"));
        fx.publish(ws, surveyId);
    }

    ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post(IMPORT, ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                .contentType("text/csv").content(csv));
    }

    @Test
    void validRowsAreStoredAndAnnouncedAndTheOthersReportedWithTheirReason() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        Instant eightyDaysAgo = now.minus(Duration.ofDays(80));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String csv = String.join("\n",
                "submissionId,submittedAt,lang,segment,nps,csat,comment,topics",
                first + "," + tenDaysAgo + ",en,returning,9,4,\"Great, fast\",a|c",
                second + "," + eightyDaysAgo + ",de,new,3,,,",
                first + "," + tenDaysAgo + ",en,returning,9,4,again,",
                "not-a-uuid," + now + ",en,,5,,,",
                UUID.randomUUID() + "," + now.plus(Duration.ofDays(1)) + ",en,,5,,,",
                UUID.randomUUID() + "," + now + ",en,,11,,,",
                UUID.randomUUID() + "," + now + ",en,,,4,,",
                UUID.randomUUID() + "," + now + ",fr,,5,,,",
                UUID.randomUUID() + "," + now + ",en,,5",
                "",
                third + "," + now.minus(Duration.ofDays(30)).atOffset(ZoneOffset.ofHours(2)) + ",,,0,,,b") + "\n";

        importCsv(csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(3))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected[*].row").value(contains(5, 6, 7, 8, 9, 10)))
                .andExpect(jsonPath("$.rejected[0].reason").value(containsString("submissionId")))
                .andExpect(jsonPath("$.rejected[1].reason").value(containsString("future")))
                .andExpect(jsonPath("$.rejected[2].reason").value(containsString("nps: must be an integer from 0 to 10")))
                .andExpect(jsonPath("$.rejected[3].reason").value(containsString("nps: is required")))
                .andExpect(jsonPath("$.rejected[4].reason").value(containsString("lang")))
                .andExpect(jsonPath("$.rejected[5].reason").value(containsString("fields")));

        mvc.perform(get("/api/workspaces/{ws}/responses?surveyId={id}", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(3)))
                // newest submission first, whatever the order of the file
                .andExpect(jsonPath("$.items[*].submissionId").value(contains(first.toString(), third.toString(), second.toString())))
                .andExpect(jsonPath("$.items[0].source").value("import"))
                .andExpect(jsonPath("$.items[0].submittedAt").value(tenDaysAgo.toString()))
                .andExpect(jsonPath("$.items[0].answers[3].value").value("Great, fast"))
                .andExpect(jsonPath("$.items[0].answers[5].value[1]").value("c"))
                .andExpect(jsonPath("$.items[2].lang").value("de"))
                .andExpect(jsonPath("$.items[2].segment").value("new"))
                .andExpect(jsonPath("$.items[2].answers[1].score").isEmpty())
                .andExpect(jsonPath("$.items[1].lang").value("en"))
                .andExpect(jsonPath("$.items[1].answers[4].value").isEmpty());

        List<JsonNode> events = jdbc.sql("select payload::text from outbox where workspace_id = ? and type = 'feedback.response.submitted'")
                .param(ws.id()).query(String.class).list().stream().map(fx::read).toList();
        assertThat(events).extracting(event -> Instant.parse(event.get("data").get("submittedAt").asString()))
                .containsExactlyInAnyOrder(tenDaysAgo, eightyDaysAgo, now.minus(Duration.ofDays(30)));

        // importing the same file again adds nothing
        importCsv(csv)
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(4))
                .andExpect(jsonPath("$.rejected", hasSize(6)));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(3);
        assertThat(fx.eventsOf(ws)).isEqualTo(3);
    }

    @Test
    void responsesAreFilteredBySubmissionTime() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        importCsv("submissionId,submittedAt,nps\n"
                + UUID.randomUUID() + "," + now.minus(Duration.ofDays(60)) + ",5\n"
                + UUID.randomUUID() + "," + now.minus(Duration.ofDays(20)) + ",6\n"
                + UUID.randomUUID() + "," + now.minus(Duration.ofDays(1)) + ",7\n")
                .andExpect(jsonPath("$.accepted").value(3));

        mvc.perform(get("/api/workspaces/{ws}/responses?from={from}&to={to}", ws.id(), now.minus(Duration.ofDays(30)),
                        now.minus(Duration.ofDays(1))).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items[*].answers[0].score").value(contains(6)));
        mvc.perform(get("/api/workspaces/{ws}/responses?limit=2", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items[*].answers[0].score").value(contains(7, 6)))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        mvc.perform(get("/api/workspaces/{ws}/responses?from={from}&to={to}", ws.id(), now, now.minus(Duration.ofDays(1)))
                        .with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/workspaces/{ws}/responses?from=yesterday", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void theImportPathWithAColonIsMatchedLiterally() throws Exception {
        importCsv("submissionId,submittedAt,nps\n" + UUID.randomUUID() + "," + Instant.now().minusSeconds(60) + ",8\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/responses:export", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content("submissionId,submittedAt,nps\n"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/responses", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content("submissionId,submittedAt,nps\n"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void aBadHeaderRefusesTheWholeFile() throws Exception {
        importCsv("submissionId,submittedAt,nps,shoe_size\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("header"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("shoe_size")));
        importCsv("submissionId,nps\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("submittedAt")));
        importCsv("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        importCsv("submissionId,submittedAt,nps\n\"open").andExpect(status().isBadRequest());
    }

    @Test
    void onlyCsvIsAccepted() throws Exception {
        mvc.perform(post(IMPORT, ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aDraftTakesNoImport() throws Exception {
        UUID draft = fx.createSurveyId(ws, survey("Draft"));
        mvc.perform(post(IMPORT, ws.id(), draft).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content("submissionId,submittedAt,nps\n"))
                .andExpect(status().isConflict());
    }

    @Test
    void anUnknownResponseIsNotFound() throws Exception {
        mvc.perform(get("/api/workspaces/{ws}/responses/{id}", ws.id(), UUID.randomUUID()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isNotFound());
        mvc.perform(post(IMPORT, ws.id(), UUID.randomUUID()).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content("submissionId,submittedAt,nps\n"))
                .andExpect(status().isNotFound());
    }
}
