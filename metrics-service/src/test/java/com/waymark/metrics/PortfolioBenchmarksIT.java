package com.waymark.metrics;

import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;

/**
 * Opt-in industry benchmarks (the median of the agency's other clients of the same industry, shown only when
 * at least 5 of them have enough answers), the industry from the workspace events, and a weekly NPS sparkline
 * per portfolio row. Every workspace here has minN 2.
 */
class PortfolioBenchmarksIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(30);

    /** Retail clients' NPS answers: 100, 0, −100, 100, 33.3, not enough (n 1), 50. */
    static final int[][] RETAIL = {{10, 10}, {10, 6}, {0, 0}, {10, 9}, {10, 10, 6}, {10}, {10, 8}};

    List<Tenancy.Workspace> retail = new ArrayList<>();
    Tenancy.Workspace bank;
    Tenancy.Workspace foreign;
    String agencyAdmin;
    String staff;
    String settingsPath;

    @BeforeEach
    void setUp() throws Exception {
        Tenancy.Workspace first = tenancy.newWorkspace();
        retail.add(first);
        for (int i = 1; i < RETAIL.length; i++) {
            retail.add(tenancy.workspaceIn(first.tenantId()));
        }
        bank = tenancy.workspaceIn(first.tenantId());
        foreign = tenancy.newWorkspace();
        agencyAdmin = tenancy.member(first, Role.AGENCY_ADMIN);
        staff = tenancy.member(first, Role.AGENCY_STAFF);
        settingsPath = "/api/tenants/" + first.tenantId() + "/portfolio/settings";
        for (int i = 0; i < RETAIL.length; i++) {
            Tenancy.Workspace workspace = retail.get(i);
            // industries are compared ignoring case and surrounding blanks
            events.workspaceCreated(workspace, "Retail " + i, i == 3 ? " RETAIL " : "Retail");
            minN2(workspace);
            events.npsResponses(workspace, null, RETAIL[i]);
        }
        events.workspaceCreated(bank, "Bank", "Banking");
        minN2(bank);
        events.npsResponses(bank, null, 10, 10);
        events.workspaceCreated(foreign, "Foreign retail", "Retail");
    }

    @Test
    void benchmarksAreOffUntilTheAgencyTurnsThemOnAndIndustriesShowAlways() throws Exception {
        assertThat(api.body(api.call(staff, settingsPath, "")).get("industryBenchmarks").asBoolean()).isFalse();
        JsonNode off = awaitPortfolio();
        assertThat(find(off.get("workspaces"), "workspaceId", retail.get(0).workspaceId()).get("industry").asString())
                .isEqualTo("Retail");
        assertThat(off.get("workspaces").findValues("benchmark")).allMatch(JsonNode::isNull);

        MvcResult on = api.put(agencyAdmin, settingsPath, "{\"industryBenchmarks\": true}");
        assertThat(on.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.body(on).get("industryBenchmarks").asBoolean()).isTrue();
        JsonNode portfolio = api.body(api.call(staff, "/api/tenants/" + retail.get(0).tenantId() + "/portfolio", ""));

        // Retail 0: others with enough answers 0, −100, 100, 33.3, 50 (Retail 5 has n 1) → median 33.3 of 5
        JsonNode first = find(portfolio.get("workspaces"), "workspaceId", retail.get(0).workspaceId()).get("benchmark");
        assertThat(first.get("industry").asString()).isEqualTo("Retail");
        assertThat(first.get("workspaces").asInt()).isEqualTo(5);
        assertThat(first.get("nps").get("median").asDouble()).isEqualTo(33.3);
        assertThat(first.get("csat").get("median").isNull()).isTrue();
        // Retail 5 compares with all six others: −100, 0, 33.3, 50, 100, 100 → (33.3 + 50) / 2 = 41.7
        JsonNode fifth = find(portfolio.get("workspaces"), "workspaceId", retail.get(5).workspaceId()).get("benchmark");
        assertThat(fifth.get("workspaces").asInt()).isEqualTo(6);
        assertThat(fifth.get("nps").get("median").asDouble()).isEqualTo(41.7);
        // Retail 1: 100, −100, 100, 33.3, 50 → 50
        assertThat(find(portfolio.get("workspaces"), "workspaceId", retail.get(1).workspaceId()).get("benchmark")
                .get("nps").get("median").asDouble()).isEqualTo(50.0);
        // the only bank has no peers: no benchmark (never one client's figure)
        JsonNode bankRow = find(portfolio.get("workspaces"), "workspaceId", bank.workspaceId());
        assertThat(bankRow.get("industry").asString()).isEqualTo("Banking");
        assertThat(bankRow.get("benchmark").isNull()).isTrue();

        // one retail client fewer with enough answers → Retail 0 has only 4 peers left: no benchmark
        events.workspaceUpdated(retail.get(6), "Retail 6", "Travel");
        JsonNode fewer = await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(
                () -> api.body(api.call(staff, "/api/tenants/" + retail.get(0).tenantId() + "/portfolio", "")),
                body -> "Travel".equals(find(body.get("workspaces"), "workspaceId", retail.get(6).workspaceId())
                        .get("industry").asString()));
        assertThat(find(fewer.get("workspaces"), "workspaceId", retail.get(0).workspaceId()).get("benchmark").isNull())
                .isTrue();
    }

    @Test
    void eachRowHasAWeeklyNpsSparklineOverThePeriod() throws Exception {
        JsonNode portfolio = awaitPortfolio();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstMonday = today.minusDays(89).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeks = ChronoUnit.WEEKS.between(firstMonday, today) + 1;

        JsonNode sparkline = find(portfolio.get("workspaces"), "workspaceId", retail.get(4).workspaceId()).get("sparkline");
        assertThat(sparkline).hasSize((int) weeks);
        assertThat(sparkline.get(0).get("start").asString()).isEqualTo(firstMonday.toString());
        JsonNode thisWeek = sparkline.get(sparkline.size() - 1);
        assertThat(thisWeek.get("n").asLong()).isEqualTo(3);
        assertThat(thisWeek.get("value").asDouble()).isEqualTo(33.3);
        assertThat(sparkline.get(0).get("n").asLong()).isZero();
        assertThat(sparkline.get(0).get("value").isNull()).isTrue();
    }

    @Test
    void onlyAgencyAdminsChangeTheSettingsAndOtherAgenciesDoNotSeeThem() throws Exception {
        assertThat(api.put(staff, settingsPath, "{\"industryBenchmarks\": true}").getResponse().getStatus()).isEqualTo(403);
        assertThat(api.put(tenancy.member(retail.get(0), Role.CLIENT_ADMIN), settingsPath, "{\"industryBenchmarks\": true}")
                .getResponse().getStatus()).isEqualTo(404);
        String foreignAdmin = tenancy.member(foreign, Role.AGENCY_ADMIN);
        assertThat(api.put(foreignAdmin, settingsPath, "{\"industryBenchmarks\": true}").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.call(foreignAdmin, settingsPath, "").getResponse().getStatus()).isEqualTo(404);
        for (String body : List.of("{}", "{\"industryBenchmarks\": \"yes\"}", "{\"industryBenchmarks\": null}", "[]")) {
            MvcResult result = api.put(agencyAdmin, settingsPath, body);
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(api.body(result).get("errors").findValuesAsString("field")).as(body)
                    .containsExactly("industryBenchmarks");
        }
        assertThat(api.body(api.call(staff, settingsPath, "")).get("industryBenchmarks").asBoolean()).isFalse();

        // turning it on for one agency leaves the other's off; its portfolio shows only its own workspace
        assertThat(api.put(agencyAdmin, settingsPath, "{\"industryBenchmarks\": true}").getResponse().getStatus())
                .isEqualTo(200);
        String foreignSettings = "/api/tenants/" + foreign.tenantId() + "/portfolio/settings";
        assertThat(api.body(api.call(foreignAdmin, foreignSettings, "")).get("industryBenchmarks").asBoolean()).isFalse();
        JsonNode theirs = api.body(api.call(foreignAdmin, "/api/tenants/" + foreign.tenantId() + "/portfolio", ""));
        assertThat(theirs.get("workspaces").findValuesAsString("workspaceId"))
                .containsExactly(foreign.workspaceId().toString());
    }

    private void minN2(Tenancy.Workspace workspace) throws Exception {
        assertThat(api.put(tenancy.member(workspace, Role.CLIENT_ADMIN),
                "/api/workspaces/" + workspace.workspaceId() + "/metrics/settings", "{\"minN\": 2}").getResponse().getStatus())
                .isEqualTo(200);
    }

    /** Once every answer and every industry has arrived. */
    private JsonNode awaitPortfolio() {
        int answers = 2;
        for (int[] scores : RETAIL) {
            answers += scores.length;
        }
        int expected = answers;
        return await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(
                () -> api.body(api.call(staff, "/api/tenants/" + retail.get(0).tenantId() + "/portfolio", "")),
                body -> {
                    long n = 0;
                    long industries = 0;
                    for (JsonNode row : body.get("workspaces")) {
                        n += row.get("nps").get("n").asLong();
                        industries += row.get("industry").isString() ? 1 : 0;
                    }
                    return n == expected && industries == RETAIL.length + 1;
                });
    }
}
