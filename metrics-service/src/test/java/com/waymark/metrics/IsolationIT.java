package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestInfrastructure;

/**
 * Workspaces see only their own answers and maps, even when they use the same touchpoint ids, and
 * nobody outside a workspace learns anything about it: every endpoint and id answers 404.
 */
class IsolationIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(15);


    Tenancy.Workspace mine;
    Tenancy.Workspace sibling;
    Tenancy.Workspace foreign;
    UUID sharedTouchpoint = UUID.randomUUID();
    UUID myJourney = UUID.randomUUID();
    UUID siblingJourney = UUID.randomUUID();
    UUID foreignTouchpoint = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        mine = tenancy.newWorkspace();
        sibling = tenancy.workspaceIn(mine.tenantId());
        foreign = tenancy.newWorkspace();

        // the same touchpoint id in two workspaces (e.g. a copied map): still two separate things
        UUID myStage = UUID.randomUUID();
        UUID siblingStage = UUID.randomUUID();
        events.journey(mine, myJourney, "Mine");
        events.stage(mine, myStage, myJourney, "Mine stage", 1);
        events.touchpoint(mine, sharedTouchpoint, myStage, myJourney, "My checkout");
        events.journey(sibling, siblingJourney, "Sibling's");
        events.stage(sibling, siblingStage, siblingJourney, "Sibling stage", 1);
        events.touchpoint(sibling, sharedTouchpoint, siblingStage, siblingJourney, "Sibling checkout");
        events.touchpoint(foreign, foreignTouchpoint, UUID.randomUUID(), UUID.randomUUID(), "Foreign checkout");

        // interleaved, as they arrive in production: mine 2 promoters, sibling 3 detractors, foreign 4 passives
        for (int i = 0; i < 4; i++) {
            if (i < 2) {
                events.response(mine, sharedTouchpoint, Instant.now(), null, nps(10));
            }
            if (i < 3) {
                events.response(sibling, sharedTouchpoint, Instant.now(), null, nps(0));
                events.response(sibling, null, Instant.now(), null, nps(0));
            }
            events.response(foreign, foreignTouchpoint, Instant.now(), null, nps(7));
        }
    }

    @Test
    void theSummaryNeverIncludesOtherWorkspacesAnswers() throws Exception {
        String viewer = tenancy.member(mine, Role.CLIENT_VIEWER);
        String siblingViewer = tenancy.member(sibling, Role.CLIENT_VIEWER);
        awaitResponses(siblingViewer, sibling, 6);
        JsonNode summary = awaitResponses(viewer, mine, 2);

        assertThat(summary.get("workspace").get("nps").get("n").asLong()).isEqualTo(2);
        assertThat(summary.get("workspace").get("nps").get("value").asDouble()).isEqualTo(100.0);
        assertThat(summary.get("touchpoints").findValuesAsString("touchpointId"))
                .containsExactly(sharedTouchpoint.toString());
        JsonNode touchpoint = find(summary.get("touchpoints"), "touchpointId", sharedTouchpoint);
        assertThat(touchpoint.get("name").asString()).isEqualTo("My checkout");
        assertThat(touchpoint.get("nps").get("n").asLong()).isEqualTo(2);
        assertThat(summary.get("journeys").findValuesAsString("name")).containsExactly("Mine");
        JsonNode series = api.timeseries(viewer, mine.workspaceId(), "metric=nps&interval=day");
        assertThat(series.get("points").findValues("n").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(2);
    }

    @Test
    void aViewerAndTheAgencysStaffCanRead() throws Exception {
        String viewer = tenancy.member(mine, Role.CLIENT_VIEWER);
        String staff = tenancy.member(mine, Role.AGENCY_STAFF);

        awaitResponses(viewer, mine, 2);
        JsonNode asStaff = api.summary(staff, mine.workspaceId(), "");
        JsonNode staffOnSibling = api.summary(staff, sibling.workspaceId(), "");

        assertThat(asStaff.get("workspace").get("nps").get("n").asLong()).isEqualTo(2);
        assertThat(staffOnSibling.get("workspace").get("nps").get("value").asDouble()).isLessThanOrEqualTo(0.0);
        assertThat(api.call(viewer, "/api/workspaces/" + mine.workspaceId() + "/metrics/timeseries", "metric=csat")
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void membersOfAnotherWorkspaceOrAgencyGetNotFoundEverywhere() throws Exception {
        List<String> outsiders = List.of(tenancy.member(sibling, Role.CLIENT_ADMIN), tenancy.member(foreign, Role.AGENCY_ADMIN),
                tenancy.member(foreign, Role.CLIENT_VIEWER));
        String base = "/api/workspaces/" + mine.workspaceId() + "/metrics/";
        List<String[]> calls = new ArrayList<>();
        calls.add(new String[] {base + "summary", ""});
        calls.add(new String[] {base + "summary", "journeyId=" + myJourney});
        calls.add(new String[] {base + "timeseries", "metric=nps"});
        calls.add(new String[] {base + "timeseries", "metric=nps&touchpointId=" + sharedTouchpoint});
        calls.add(new String[] {base + "timeseries", "metric=nps&journeyId=" + myJourney});
        calls.add(new String[] {base + "drivers", "journeyId=" + myJourney});
        calls.add(new String[] {base + "settings", ""});

        for (String outsider : outsiders) {
            for (String[] call : calls) {
                assertThat(api.call(outsider, call[0], call[1]).getResponse().getStatus())
                        .as("%s?%s as %s", call[0], call[1], outsider).isEqualTo(404);
            }
        }
    }

    @Test
    void idsOfAnotherWorkspaceAreNotFoundInMine() throws Exception {
        String viewer = tenancy.member(mine, Role.CLIENT_VIEWER);
        awaitResponses(tenancy.member(foreign, Role.CLIENT_VIEWER), foreign, 4);
        awaitResponses(tenancy.member(sibling, Role.CLIENT_VIEWER), sibling, 6);
        String base = "/api/workspaces/" + mine.workspaceId() + "/metrics/";

        assertThat(api.call(viewer, base + "summary", "journeyId=" + siblingJourney).getResponse().getStatus()).isEqualTo(404);
        assertThat(api.call(viewer, base + "timeseries", "metric=nps&journeyId=" + siblingJourney).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.call(viewer, base + "drivers", "journeyId=" + siblingJourney).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(api.call(viewer, base + "timeseries", "metric=nps&touchpointId=" + foreignTouchpoint).getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void withoutATokenTheApiIsUnauthorized() throws Exception {
        mvc.perform(get("/api/workspaces/{ws}/metrics/summary", mine.workspaceId())).andExpect(status().isUnauthorized());
    }

    @Test
    void rowLevelSecurityAloneKeepsOtherWorkspacesRowsOut() {
        awaitResponses(tenancy.member(sibling, Role.CLIENT_VIEWER), sibling, 6);

        // no WHERE clause: only the policy filters
        long seenAsMine = TenantContextHolder.callAs(TenantContext.ofWorkspace(mine.tenantId(), mine.workspaceId()),
                () -> jdbc.sql("select coalesce(sum(responses), 0) from response_rollup where grain = 'day'")
                        .query(Long.class).single());
        long seenWithoutContext = jdbc.sql("select count(*) from response_fact").query(Long.class).single();

        assertThat(seenAsMine).isEqualTo(2);
        assertThat(seenWithoutContext).isZero();
    }

    @Test
    void everyTableOfTheServiceForcesRowLevelSecurity() throws Exception {
        try (Connection admin = TestInfrastructure.adminConnection("metrics-service")) {
            ResultSet tables = admin.createStatement().executeQuery("""
                    select c.relname, c.relrowsecurity and c.relforcerowsecurity as forced,
                           exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policy
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind = 'r'
                      and exists (select 1 from information_schema.columns col
                                  where col.table_name = c.relname and col.column_name = 'workspace_id')
                      -- the platform's infrastructure tables are deliberately outside row-level security
                      and c.relname <> 'outbox' and c.relname not like 'access%'""");
            List<String> checked = new ArrayList<>();
            while (tables.next()) {
                checked.add(tables.getString("relname"));
                assertThat(tables.getBoolean("forced")).as(tables.getString("relname")).isTrue();
                assertThat(tables.getBoolean("policy")).as(tables.getString("relname")).isTrue();
            }
            assertThat(checked).contains("map_journey", "map_stage", "map_touchpoint", "response_fact", "response_answer",
                    "score_rollup", "response_rollup", "response_erased", "workspace_info", "alert_rule", "alert",
                    "metric_settings", "portfolio_settings");
        }
    }

    private JsonNode awaitResponses(String user, Tenancy.Workspace workspace, long responses) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = api.summary(user, workspace.workspaceId(), "");
            return last[0].get("workspace").get("responses").asLong() == responses
                    && last[0].get("touchpoints").findValues("name").stream().noneMatch(JsonNode::isNull);
        });
        return last[0];
    }
}
