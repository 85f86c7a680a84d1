package com.waymark.feedback.response;

import static com.waymark.feedback.support.Fixtures.question;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.test.TestUsers;

/** Score filters and the CSV export of the response list. */
class ResponseQueryIT extends FeedbackIntegrationTest {

    static final String RESPONSES = "/api/workspaces/{ws}/responses";

    Ws ws;
    UUID surveyId;
    String token;

    @BeforeEach
    void aPublishedSurvey() throws Exception {
        ws = fx.workspace();
        surveyId = fx.createSurveyId(ws, survey("Checkout"));
        token = fx.publish(ws, surveyId);
    }

    @Test
    void scoreBoundsFilterOnTheFirstNpsCsatOrCesAnswer() throws Exception {
        UUID detractor = fx.respond(ws, token, "nps", 3, "csat", 5);
        UUID passive = fx.respond(ws, token, "nps", 7, "csat", 1);
        UUID promoter = fx.respond(ws, token, "nps", 10);
        // a survey that asks CSAT first: its headline score is the CSAT answer
        var csatFirst = with(survey("CSAT first"), "questions", List.of(question("comment", "text", false),
                question("csat", "csat", false), question("nps", "nps", false)));
        String csatToken = fx.publish(ws, fx.createSurveyId(ws, csatFirst));
        UUID csatFour = fx.respond(ws, csatToken, "csat", 4, "nps", 0);
        UUID skipped = fx.respond(ws, csatToken, "nps", 1, "comment", "no csat given");

        assertThat(ids("minScore=7")).containsExactlyInAnyOrder(passive, promoter);
        assertThat(ids("maxScore=6")).containsExactlyInAnyOrder(detractor, csatFour);
        assertThat(ids("minScore=7&maxScore=8")).containsExactly(passive);
        assertThat(ids("minScore=0&maxScore=10")).doesNotContain(skipped).hasSize(4);
        assertThat(ids("maxScore=6&surveyId=" + surveyId)).containsExactly(detractor);
        assertThat(ids("")).hasSize(5);

        mvc.perform(get(RESPONSES + "/{id}", ws.id(), csatFour).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.score").value(4))
                .andExpect(jsonPath("$.scoreKind").value("csat"));
        mvc.perform(get(RESPONSES + "/{id}", ws.id(), skipped).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.score").isEmpty());
    }

    @Test
    void badScoreBoundsAreRefusedNamingTheParameter() throws Exception {
        for (String query : List.of("minScore=11", "minScore=-1", "minScore=abc")) {
            mvc.perform(get(RESPONSES + "?" + query, ws.id()).with(TestUsers.as(ws.editor())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("minScore"));
        }
        mvc.perform(get(RESPONSES + "?minScore=8&maxScore=3", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxScore"));
        mvc.perform(get(RESPONSES + "?maxScore=12", ws.id()).with(TestUsers.as(ws.editor())).accept("text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("maxScore"));
    }

    @Test
    void theCsvExportHasEveryMatchingResponseNotJustOnePageAndCanBeImportedAgain() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
        StringBuilder file = new StringBuilder("submissionId,submittedAt,lang,segment,channel,nps,comment,topics\n");
        for (int i = 0; i < 120; i++) {
            file.append(UUID.randomUUID()).append(',').append(start.plusSeconds(i)).append(",de,returning,Online,")
                    .append(i % 11).append(",fine,a|c\n");
        }
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/responses:import", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content(file.toString()))
                .andExpect(jsonPath("$.accepted").value(120));

        String exported = mvc.perform(get(RESPONSES + "?surveyId={s}&limit=10", ws.id(), surveyId)
                        .with(TestUsers.as(ws.editor())).accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"responses.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        List<List<String>> rows = CsvParser.parse(exported);
        assertThat(rows.get(0)).containsExactly("submissionId", "submittedAt", "lang", "segment", "channel",
                "nps", "csat", "ces", "comment", "reason", "topics");
        assertThat(rows).hasSize(121);
        // newest first
        assertThat(rows.get(1)).containsExactly(rows.get(1).get(0), start.plusSeconds(119).toString(), "de", "returning",
                "Online", "9", "", "", "fine", "", "a|c");
        assertThat(exported).contains("\r\n");

        // the export is in the import's format: importing it again only finds duplicates
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/responses:import", ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                        .contentType("text/csv").content(exported))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(120))
                .andExpect(jsonPath("$.rejected", hasSize(0)));

        String detractors = mvc.perform(get(RESPONSES + "?maxScore=6", ws.id()).with(TestUsers.as(ws.editor())).accept("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<List<String>> detractorRows = CsvParser.parse(detractors);
        assertThat(detractorRows).hasSize(1 + 120 / 11 * 7 + Math.min(120 % 11, 7));
        assertThat(detractorRows.subList(1, detractorRows.size()))
                .allSatisfy(row -> assertThat(Integer.parseInt(row.get(5))).isLessThanOrEqualTo(6));
    }

    @Test
    void exportedCellsAreQuotedAndCannotRunAsFormulas() throws Exception {
        UUID submissionId = UUID.randomUUID();
        var body = com.waymark.feedback.support.Fixtures.submission(submissionId, "nps", 4, "comment",
                "=HYPERLINK(\"http://evil.example\",\"click\")", "topics", List.of("a", "b"));
        body.put("context", java.util.Map.of("segment", "-1+1", "channel", "Phone, then email"));
        fx.submit(token, body);

        String exported = mvc.perform(get(RESPONSES, ws.id()).with(TestUsers.as(ws.editor())).accept("text/csv"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(exported).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",");
        List<String> row = CsvParser.parse(exported).get(1);
        assertThat(row.get(0)).isEqualTo(submissionId.toString());
        assertThat(row.get(3)).isEqualTo("'-1+1");
        assertThat(row.get(4)).isEqualTo("Phone, then email");
        assertThat(row.get(8)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(row.get(10)).isEqualTo("a|b");
    }

    @Test
    void withoutACsvAcceptHeaderTheListStaysJson() throws Exception {
        fx.respond(ws, token, "nps", 8);
        mvc.perform(get(RESPONSES, ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items", hasSize(1)));
        mvc.perform(get(RESPONSES, ws.id()).with(TestUsers.as(ws.editor())).accept(MediaType.ALL))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get(RESPONSES, ws.id()).with(TestUsers.as(ws.editor())).accept("text/csv", "application/json;q=0.5"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
    }

    private List<UUID> ids(String query) throws Exception {
        String listed = mvc.perform(get(RESPONSES + "?" + query, ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<UUID> ids = new java.util.ArrayList<>();
        for (JsonNode item : fx.read(listed).get("items")) {
            ids.add(UUID.fromString(item.get("id").asString()));
        }
        return ids;
    }
}
