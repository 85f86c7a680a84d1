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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestUsers;

/** CSV import: all-or-nothing, column mapping, keyed rows without a submissionId, and the monthly quota. */
class ResponseImportModesIT extends FeedbackIntegrationTest {

    static final String IMPORT = "/api/workspaces/{ws}/surveys/{id}/responses:import";

    Ws ws;
    UUID surveyId;
    Instant day;

    @BeforeEach
    void publishedSurvey() throws Exception {
        ws = fx.workspace();
        surveyId = fx.createSurveyId(ws, survey("Checkout"));
        fx.publish(ws, surveyId);
        day = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.DAYS);
    }

    ResultActions importCsv(String query, String csv) throws Exception {
        MockHttpServletRequestBuilder request = post(IMPORT + query, ws.id(), surveyId).with(TestUsers.as(ws.editor()))
                .contentType("text/csv").content(csv);
        return mvc.perform(request);
    }

    @Test
    void allOrNothingStoresNothingWhenOneRowIsRejectedAndReportsEveryRow() throws Exception {
        String bad = "submittedAt,nps,comment\n"
                + day + ",9,Great\n"
                + day + ",11,Too high\n"
                + day.plusSeconds(60) + ",3,Slow\n";

        importCsv("?mode=all-or-nothing", bad)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/validation"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("row 3"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("nps")))
                .andExpect(jsonPath("$.report.mode").value("all-or-nothing"))
                .andExpect(jsonPath("$.report.accepted").value(0))
                .andExpect(jsonPath("$.report.rows[*].row").value(contains(2, 3, 4)))
                .andExpect(jsonPath("$.report.rows[*].outcome").value(contains("not-stored", "rejected", "not-stored")));
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
        assertThat(fx.eventsOf(ws)).isZero();

        // the same file per row stores the good rows
        importCsv("?mode=per-row", bad).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rows[*].outcome").value(contains("accepted", "rejected", "accepted")))
                .andExpect(jsonPath("$.rows[0].responseId").isNotEmpty());
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(2);

        // fixed, all or nothing again: the two already there are duplicates, the fixed row is stored
        importCsv("?mode=all-or-nothing", bad.replace(",11,", ",10,")).andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("all-or-nothing"))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(2))
                .andExpect(jsonPath("$.rows[*].outcome").value(contains("duplicate", "accepted", "duplicate")));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(3);
        importCsv("?mode=sometimes", bad).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mode"));
    }

    @Test
    void reimportingAFileWithoutSubmissionIdsStoresNothingNewWhateverTheColumnOrder() throws Exception {
        String csv = "submittedAt,nps,segment\n" + day + ",9,new\n" + day + ",9,returning\n" + day.plusSeconds(5) + ",4,new\n";
        importCsv("", csv).andExpect(jsonPath("$.accepted").value(3)).andExpect(jsonPath("$.duplicates").value(0));

        importCsv("", csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(3))
                .andExpect(jsonPath("$.rows[*].outcome").value(contains("duplicate", "duplicate", "duplicate")));
        String reordered = "segment,nps,submittedAt\nnew," + "4," + day.plusSeconds(5) + "\nnew,9," + day + "\n";
        importCsv("", reordered).andExpect(jsonPath("$.duplicates").value(2)).andExpect(jsonPath("$.accepted").value(0));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(3);
        assertThat(fx.eventsOf(ws)).isEqualTo(3);
    }

    @Test
    void columnsAreMappedToQuestionsAndFieldsOrLeftOut() throws Exception {
        UUID submission = UUID.randomUUID();
        String csv = "Response ID,Date,Likelihood,What happened,Agent\n" + submission + "," + day + ",6,\"Late, again\",Sam\n";

        importCsv("?map.Response ID=submissionId&map.Date=submittedAt&map.Likelihood=nps&map.What happened=comment&map.Agent=-", csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rows[0].submissionId").value(submission.toString()));
        mvc.perform(get("/api/workspaces/{ws}/responses?surveyId={id}", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].submissionId").value(submission.toString()))
                .andExpect(jsonPath("$.items[0].submittedAt").value(day.toString()))
                .andExpect(jsonPath("$.items[0].answers[0].score").value(6))
                .andExpect(jsonPath("$.items[0].answers[3].value").value("Late, again"));

        importCsv("?map.Likelihood=shoe_size&map.Missing=nps", csv).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("map.Likelihood", "map.Missing")));
        // without the mapping the unknown header is refused, naming how to map it
        importCsv("", csv).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("map.")));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
    }

    @Test
    void anImportOverTheAgencysMonthlyQuotaStoresNothing() throws Exception {
        access.upsertTenant(ws.tenantId(), AccessModel.ACTIVE, "starter");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        TenantContextHolder.runAs(TenantContext.ofTenant(ws.tenantId()), () -> jdbc.sql("""
                insert into response_usage (tenant_id, month, responses) values (?, ?, 9999)
                on conflict (tenant_id, month) do update set responses = 9999""").params(ws.tenantId(), month).update());
        String two = "submittedAt,nps\n" + day + ",9\n" + day.plusSeconds(1) + ",8\n";

        importCsv("", two).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("responsesPerMonth"));
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
        assertThat(fx.eventsOf(ws)).isZero();

        importCsv("", "submittedAt,nps\n" + day + ",9\n").andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        // duplicates do not count against the quota
        importCsv("", "submittedAt,nps\n" + day + ",9\n").andExpect(status().isOk()).andExpect(jsonPath("$.duplicates").value(1));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
    }
}
