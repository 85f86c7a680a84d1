package com.waymark.metrics;

import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/**
 * Per-workspace metric settings: the workspace's minN decides {@code enough} everywhere, the default
 * (waymark.metrics.min-n, 30) holds until it is set, only admins change it, outsiders get 404.
 */
class SettingsIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(15);


    Tenancy.Workspace workspace;
    Tenancy.Workspace sibling;
    String viewer;
    String clientAdmin;
    UUID checkout = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        sibling = tenancy.workspaceIn(workspace.tenantId());
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        clientAdmin = tenancy.member(workspace, Role.CLIENT_ADMIN);
    }

    @Test
    void withoutSettingsTheDefaultMinimumOf30Holds() throws Exception {
        events.npsResponses(workspace, checkout, 10, 9, 9, 8, 6, 10);

        JsonNode settings = api.body(settings(viewer, workspace));
        JsonNode summary = awaitResponses(viewer, workspace, 6);

        assertThat(settings.get("minN").asInt()).isEqualTo(30);
        assertThat(summary.get("minN").asInt()).isEqualTo(30);
        assertThat(find(summary.get("touchpoints"), "touchpointId", checkout).get("nps").get("enough").asBoolean())
                .isFalse();
        assertThat(summary.get("workspace").get("nps").get("enough").asBoolean()).isFalse();
    }

    @Test
    void afterAnAdminSetsMinN5SixAnswersAreEnoughInTheSummaryAndTheTimeSeries() throws Exception {
        events.npsResponses(workspace, checkout, 10, 9, 9, 8, 6, 10);
        events.npsResponses(sibling, checkout, 10, 9, 9, 8, 6, 10);
        String siblingViewer = tenancy.member(sibling, Role.CLIENT_VIEWER);
        awaitResponses(viewer, workspace, 6);
        awaitResponses(siblingViewer, sibling, 6);

        MvcResult saved = putSettings(clientAdmin, workspace, "{\"minN\": 5}");

        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.body(saved).get("minN").asInt()).isEqualTo(5);
        assertThat(api.body(settings(viewer, workspace)).get("minN").asInt()).isEqualTo(5);
        JsonNode summary = api.summary(viewer, workspace.workspaceId(), "");
        assertThat(summary.get("minN").asInt()).isEqualTo(5);
        assertThat(find(summary.get("touchpoints"), "touchpointId", checkout).get("nps").get("n").asLong()).isEqualTo(6);
        assertThat(find(summary.get("touchpoints"), "touchpointId", checkout).get("nps").get("enough").asBoolean())
                .isTrue();
        assertThat(summary.get("workspace").get("nps").get("enough").asBoolean()).isTrue();
        JsonNode series = api.timeseries(viewer, workspace.workspaceId(),
                "metric=nps&interval=month&touchpointId=" + checkout);
        assertThat(series.get("minN").asInt()).isEqualTo(5);
        JsonNode point = series.get("points").get(series.get("points").size() - 1);
        assertThat(point.get("n").asLong()).isEqualTo(6);
        assertThat(point.get("enough").asBoolean()).isTrue();
        // the sibling workspace keeps the default
        JsonNode siblingSummary = api.summary(siblingViewer, sibling.workspaceId(), "");
        assertThat(siblingSummary.get("minN").asInt()).isEqualTo(30);
        assertThat(siblingSummary.get("workspace").get("nps").get("enough").asBoolean()).isFalse();
        // the agency portfolio judges each workspace by its own minN
        JsonNode portfolio = api.body(api.call(tenancy.member(workspace, Role.AGENCY_ADMIN),
                "/api/tenants/" + workspace.tenantId() + "/portfolio", ""));
        JsonNode mine = find(portfolio.get("workspaces"), "workspaceId", workspace.workspaceId());
        assertThat(mine.get("minN").asInt()).isEqualTo(5);
        assertThat(mine.get("nps").get("enough").asBoolean()).isTrue();
        JsonNode theirs = find(portfolio.get("workspaces"), "workspaceId", sibling.workspaceId());
        assertThat(theirs.get("minN").asInt()).isEqualTo(30);
        assertThat(theirs.get("nps").get("enough").asBoolean()).isFalse();
    }

    @Test
    void driverPerformanceIsEnoughByTheWorkspacesMinN() throws Exception {
        UUID journey = UUID.randomUUID();
        UUID stage = UUID.randomUUID();
        events.journey(workspace, journey, "Buy online");
        events.stage(workspace, stage, journey, "Purchase", 1);
        events.touchpoint(workspace, checkout, stage, journey, "Checkout page");
        events.npsResponses(workspace, checkout, 10, 9, 9, 8, 6, 10);
        JsonNode before = awaitDrivers(journey, 6);
        assertThat(find(before.get("touchpoints"), "touchpointId", checkout).get("performance").get("enough").asBoolean())
                .isFalse();

        assertThat(putSettings(clientAdmin, workspace, "{\"minN\": 6}").getResponse().getStatus()).isEqualTo(200);
        JsonNode after = api.body(api.call(viewer, "/api/workspaces/" + workspace.workspaceId() + "/metrics/drivers",
                "journeyId=" + journey));

        JsonNode performance = find(after.get("touchpoints"), "touchpointId", checkout).get("performance");
        assertThat(performance.get("n").asLong()).isEqualTo(6);
        assertThat(performance.get("enough").asBoolean()).isTrue();
    }

    @Test
    void anAgencyAdminMayChangeItAgainAndNewAlertRulesDefaultToIt() throws Exception {
        String agencyAdmin = tenancy.member(workspace, Role.AGENCY_ADMIN);
        assertThat(putSettings(clientAdmin, workspace, "{\"minN\": 5}").getResponse().getStatus()).isEqualTo(200);

        MvcResult changed = putSettings(agencyAdmin, workspace, "{\"minN\": 12}");
        MvcResult rule = mvc.perform(post("/api/workspaces/{ws}/alert-rules", workspace.workspaceId())
                .with(TestUsers.as(clientAdmin)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"metric": "nps", "scope": {"type": "workspace"}, "condition": {"type": "below", "threshold": 0}}""")
                ).andReturn();

        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.body(settings(viewer, workspace)).get("minN").asInt()).isEqualTo(12);
        assertThat(rule.getResponse().getStatus()).isEqualTo(201);
        assertThat(api.body(rule).get("minN").asInt()).isEqualTo(12);
    }

    @Test
    void viewersAndEditorsMayNotChangeTheSettings() throws Exception {
        String editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        String staff = tenancy.member(workspace, Role.AGENCY_STAFF);

        assertThat(putSettings(viewer, workspace, "{\"minN\": 5}").getResponse().getStatus()).isEqualTo(403);
        assertThat(putSettings(editor, workspace, "{\"minN\": 5}").getResponse().getStatus()).isEqualTo(403);
        assertThat(putSettings(staff, workspace, "{\"minN\": 5}").getResponse().getStatus()).isEqualTo(403);
        assertThat(api.body(settings(viewer, workspace)).get("minN").asInt()).isEqualTo(30);
    }

    @Test
    void badInputIsABadRequestNamingMinNAndWritesNothing() throws Exception {
        assertThat(putSettings(clientAdmin, workspace, "{\"minN\": 7}").getResponse().getStatus()).isEqualTo(200);

        for (String body : List.of("{\"minN\": 0}", "{\"minN\": 10001}", "{\"minN\": -3}", "{\"minN\": 5.5}",
                "{\"minN\": \"ten\"}", "{\"minN\": null}", "{}", "[]")) {
            MvcResult result = putSettings(clientAdmin, workspace, body);
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(api.body(result).get("errors").findValuesAsString("field")).as(body).containsExactly("minN");
        }
        assertThat(putSettings(clientAdmin, workspace, "{\"minN\": 10000}").getResponse().getStatus()).isEqualTo(200);
        assertThat(putSettings(clientAdmin, workspace, "{\"minN\": 10001}").getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(settings(viewer, workspace)).get("minN").asInt()).isEqualTo(10000);
    }

    @Test
    void membersOfAnotherWorkspaceOrAgencyGetNotFoundAndChangeNothing() throws Exception {
        Tenancy.Workspace foreign = tenancy.newWorkspace();
        List<String> outsiders = List.of(tenancy.member(sibling, Role.CLIENT_ADMIN),
                tenancy.member(foreign, Role.AGENCY_ADMIN), tenancy.member(foreign, Role.CLIENT_VIEWER));

        for (String outsider : outsiders) {
            assertThat(settings(outsider, workspace).getResponse().getStatus()).as(outsider).isEqualTo(404);
            assertThat(putSettings(outsider, workspace, "{\"minN\": 5}").getResponse().getStatus()).as(outsider)
                    .isEqualTo(404);
        }
        assertThat(api.body(settings(viewer, workspace)).get("minN").asInt()).isEqualTo(30);
    }

    private MvcResult settings(String user, Tenancy.Workspace target) throws Exception {
        return api.call(user, "/api/workspaces/" + target.workspaceId() + "/metrics/settings", "");
    }

    private MvcResult putSettings(String user, Tenancy.Workspace target, String body) throws Exception {
        return mvc.perform(put("/api/workspaces/{ws}/metrics/settings", target.workspaceId())
                .with(TestUsers.as(user)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private JsonNode awaitDrivers(UUID journey, long answers) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            MvcResult result = api.call(viewer, "/api/workspaces/" + workspace.workspaceId() + "/metrics/drivers",
                    "journeyId=" + journey);
            if (result.getResponse().getStatus() != 200) {
                return false;
            }
            last[0] = api.body(result);
            JsonNode rows = last[0].get("touchpoints");
            return rows.size() == 1 && rows.get(0).get("performance").get("n").asLong() == answers;
        });
        return last[0];
    }

    private JsonNode awaitResponses(String user, Tenancy.Workspace target, long responses) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = api.summary(user, target.workspaceId(), "");
            return last[0].get("workspace").get("responses").asLong() == responses;
        });
        return last[0];
    }
}
