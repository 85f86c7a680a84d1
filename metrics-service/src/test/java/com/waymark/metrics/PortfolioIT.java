package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.CxEvents.submitted;
import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/** The agency portfolio: every client workspace of the agency with scores, alerts and trends; nobody else's. */
class PortfolioIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(20);


    Tenancy.Workspace contoso;
    Tenancy.Workspace fabrikam;
    Tenancy.Workspace unnamed;
    Tenancy.Workspace foreign;
    String staff;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String period;

    @BeforeEach
    void setUp() {
        contoso = tenancy.newWorkspace();
        fabrikam = tenancy.workspaceIn(contoso.tenantId());
        unnamed = tenancy.workspaceIn(contoso.tenantId());
        foreign = tenancy.newWorkspace();
        staff = tenancy.member(contoso, Role.AGENCY_STAFF);
        period = "from=" + today.minusDays(6) + "&to=" + today;
        events.workspaceCreated(contoso, "Contoso Retail");
        events.workspaceCreated(fabrikam, "Fabrikam Bank");
        events.workspaceCreated(foreign, "Initech");
    }

    @Test
    void eachWorkspaceShowsItsScoresResponsesAndTrendVsThePreviousPeriod() throws Exception {
        Instant lastWeek = Instant.now().minus(Duration.ofDays(8));
        // Contoso: 40 promoters last week (NPS 100), 40 detractors this week (NPS −100) → a significant fall
        for (int i = 0; i < 40; i++) {
            events.submit(contoso, submitted(null, lastWeek, null, nps(10)));
            events.submit(contoso, submitted(null, Instant.now(), null, nps(0), csat(5)));
        }
        // Fabrikam: 2 answers this week, none before
        events.npsResponses(fabrikam, null, 10, 7);
        // Initech (another agency) must not show
        events.npsResponses(foreign, null, 10, 10, 10);

        JsonNode portfolio = await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(
                () -> api.body(portfolio(staff, contoso.tenantId(), period)),
                body -> find(body.get("workspaces"), "workspaceId", contoso.workspaceId()).get("responses").asLong() == 40
                        && find(body.get("workspaces"), "workspaceId", fabrikam.workspaceId()).get("responses").asLong() == 2
                        && find(body.get("workspaces"), "workspaceId", contoso.workspaceId()).get("trend").get("nps")
                                .get("previousN").asLong() == 40
                        && !find(body.get("workspaces"), "workspaceId", fabrikam.workspaceId()).get("name").isNull());

        assertThat(portfolio.get("from").asString()).isEqualTo(today.minusDays(6).toString());
        assertThat(portfolio.get("previousFrom").asString()).isEqualTo(today.minusDays(13).toString());
        assertThat(portfolio.get("previousTo").asString()).isEqualTo(today.minusDays(7).toString());
        assertThat(portfolio.get("workspaces").findValuesAsString("workspaceId")).containsExactly(
                contoso.workspaceId().toString(), fabrikam.workspaceId().toString(), unnamed.workspaceId().toString());
        assertThat(portfolio.get("workspaces").get(0).get("name").asString()).isEqualTo("Contoso Retail");
        assertThat(portfolio.get("workspaces").get(1).get("name").asString()).isEqualTo("Fabrikam Bank");
        assertThat(portfolio.get("workspaces").get(2).get("name").isNull()).isTrue();

        JsonNode contosoRow = find(portfolio.get("workspaces"), "workspaceId", contoso.workspaceId());
        assertThat(contosoRow.get("nps").get("value").asDouble()).isEqualTo(-100.0);
        assertThat(contosoRow.get("nps").get("n").asLong()).isEqualTo(40);
        assertThat(contosoRow.get("nps").get("enough").asBoolean()).isTrue();
        // n = 40, P = 0, D = 40: n' = 43, p' = 0.75/43, d' = 40.75/43, p' − d' = −0.930233,
        // Var = (0.965116 − 0.865333)/43 = 0.0023205, ciHigh = 100·(−0.930233 + 1.96·0.048172) = −83.6
        assertThat(contosoRow.get("nps").get("ciHigh").asDouble()).isEqualTo(-83.6);
        assertThat(contosoRow.get("csat").get("value").asDouble()).isEqualTo(100.0);
        assertThat(contosoRow.get("ces").get("n").asLong()).isZero();
        JsonNode npsTrend = contosoRow.get("trend").get("nps");
        assertThat(npsTrend.get("previous").asDouble()).isEqualTo(100.0);
        assertThat(npsTrend.get("change").asDouble()).isEqualTo(-200.0);
        assertThat(npsTrend.get("changeSignificant").asBoolean()).isTrue();
        assertThat(contosoRow.get("trend").get("csat").get("change").isNull()).isTrue();

        JsonNode fabrikamRow = find(portfolio.get("workspaces"), "workspaceId", fabrikam.workspaceId());
        assertThat(fabrikamRow.get("nps").get("value").asDouble()).isEqualTo(50.0);
        assertThat(fabrikamRow.get("nps").get("enough").asBoolean()).isFalse();
        assertThat(fabrikamRow.get("trend").get("nps").get("previous").isNull()).isTrue();
        assertThat(fabrikamRow.get("trend").get("nps").get("changeSignificant").asBoolean()).isFalse();

        JsonNode unnamedRow = find(portfolio.get("workspaces"), "workspaceId", unnamed.workspaceId());
        assertThat(unnamedRow.get("name").isNull()).isTrue();
        assertThat(unnamedRow.get("responses").asLong()).isZero();
        assertThat(unnamedRow.get("nps").get("value").isNull()).isTrue();
    }

    @Test
    void openAlertsAreCountedPerWorkspace() throws Exception {
        String admin = tenancy.member(contoso, Role.AGENCY_ADMIN);
        events.npsResponses(fabrikam, null, 0);
        MvcResult rule = mvc.perform(post("/api/workspaces/{ws}/alert-rules", fabrikam.workspaceId())
                .with(TestUsers.as(admin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"metric": "nps", "scope": {"type": "workspace"}, "condition": {"type": "below", "threshold": 0},
                         "minN": 1}""")).andReturn();
        assertThat(rule.getResponse().getStatus()).isEqualTo(201);

        JsonNode portfolio = await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(
                () -> api.body(portfolio(admin, contoso.tenantId(), "")),
                body -> find(body.get("workspaces"), "workspaceId", fabrikam.workspaceId()).get("openAlerts").asLong() == 1);

        assertThat(find(portfolio.get("workspaces"), "workspaceId", contoso.workspaceId()).get("openAlerts").asLong())
                .isZero();
    }

    @Test
    void aRenameShowsAndAnOlderEventDoesNotUndoIt() throws Exception {
        events.workspaceUpdated(contoso, "Contoso");
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> find(
                api.body(portfolio(staff, contoso.tenantId(), "")).get("workspaces"), "workspaceId", contoso.workspaceId())
                .get("name").asString().equals("Contoso"));

        var stale = events.envelope(contoso, com.waymark.platform.events.EventTypes.WORKSPACE_UPDATED,
                new com.waymark.platform.events.WorkspaceUpdated(contoso.workspaceId(), contoso.tenantId(), "Old name", "old", null));
        events.publish(new com.waymark.platform.messaging.EventEnvelope(stale.id(), stale.type(), 1,
                Instant.now().minusSeconds(3600), stale.tenantId(), stale.workspaceId(), stale.data()));
        events.workspaceUpdated(fabrikam, "Fabrikam");
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> find(
                api.body(portfolio(staff, contoso.tenantId(), "")).get("workspaces"), "workspaceId", fabrikam.workspaceId())
                .get("name").asString().equals("Fabrikam"));

        assertThat(find(api.body(portfolio(staff, contoso.tenantId(), "")).get("workspaces"), "workspaceId",
                contoso.workspaceId()).get("name").asString()).isEqualTo("Contoso");
    }

    @Test
    void onlyTheAgencysOwnStaffSeeItsPortfolio() throws Exception {
        assertThat(portfolio(tenancy.member(foreign, Role.AGENCY_ADMIN), contoso.tenantId(), "").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(portfolio(tenancy.member(contoso, Role.CLIENT_ADMIN), contoso.tenantId(), "").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(portfolio(tenancy.member(contoso, Role.CLIENT_VIEWER), contoso.tenantId(), "").getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(portfolio(staff, UUID.randomUUID(), "").getResponse().getStatus()).isEqualTo(404);
        // the foreign agency's own portfolio lists only its workspace
        JsonNode theirs = api.body(portfolio(tenancy.member(foreign, Role.AGENCY_STAFF), foreign.tenantId(), ""));
        assertThat(theirs.get("workspaces").findValuesAsString("workspaceId"))
                .containsExactly(foreign.workspaceId().toString());
    }

    @Test
    void aBadPeriodIsABadRequestNamingTheField() throws Exception {
        MvcResult reversed = portfolio(staff, contoso.tenantId(), "from=" + today + "&to=" + today.minusDays(3));
        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(reversed).get("errors").findValuesAsString("field")).containsExactly("from");
        MvcResult garbled = portfolio(staff, contoso.tenantId(), "to=yesterday");
        assertThat(garbled.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(garbled).get("errors").findValuesAsString("field")).containsExactly("to");
    }

    private MvcResult portfolio(String user, UUID tenantId, String query) throws Exception {
        return api.call(user, "/api/tenants/" + tenantId + "/portfolio", query);
    }
}
