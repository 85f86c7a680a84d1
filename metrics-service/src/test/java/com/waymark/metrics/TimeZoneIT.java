package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.CxEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/**
 * A workspace's time zone decides its days, ISO weeks and months. In March 2026 Europe/Vilnius is UTC+2 until
 * the 29th, then UTC+3: 2026-03-10T23:30Z is 01:30 on the 11th there, 2026-03-15T22:30Z (a Sunday in UTC) is
 * Monday the 16th, and 2026-03-31T21:30Z is already April.
 */
class TimeZoneIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(20);
    static final String MARCH = "from=2026-03-09&to=2026-04-05";

    Tenancy.Workspace workspace;
    String viewer;
    String admin;
    String settingsPath;
    UUID checkout = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        admin = tenancy.member(workspace, Role.CLIENT_ADMIN);
        settingsPath = "/api/workspaces/" + workspace.workspaceId() + "/metrics/settings";
    }

    @Test
    void theDefaultZoneIsUtc() throws Exception {
        JsonNode settings = api.body(api.call(viewer, settingsPath, ""));

        assertThat(settings.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(settings.get("minN").asInt()).isEqualTo(30);
    }

    @Test
    void anAnswerAt2330UtcLandsOnTheNextLocalDayInVilniusAfterTheZoneChangesAndWhenCountedThere() throws Exception {
        events.submit(workspace, submitted(checkout, Instant.parse("2026-03-10T23:30:00Z"), null, nps(10)));
        awaitResponses(1);
        assertThat(dayCounts()).containsEntry("2026-03-10", 1L).doesNotContainKey("2026-03-11");

        MvcResult changed = api.put(admin, settingsPath, "{\"minN\": 30, \"timeZone\": \"Europe/Vilnius\"}");

        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.body(changed).get("timeZone").asString()).isEqualTo("Europe/Vilnius");
        assertThat(api.body(api.call(viewer, settingsPath, "")).get("timeZone").asString()).isEqualTo("Europe/Vilnius");
        // the existing rollups were re-keyed in the same request
        assertThat(dayCounts()).containsEntry("2026-03-11", 1L).doesNotContainKey("2026-03-10");
        assertThat(api.summary(viewer, workspace.workspaceId(), "from=2026-03-11&to=2026-03-11").get("workspace")
                .get("nps").get("n").asLong()).isEqualTo(1);
        assertThat(api.summary(viewer, workspace.workspaceId(), "from=2026-03-10&to=2026-03-10").get("workspace")
                .get("nps").get("n").asLong()).isZero();

        // counted after the change: its local day, week and month at ingest
        events.submit(workspace, submitted(checkout, Instant.parse("2026-03-15T22:30:00Z"), null, nps(9)));
        events.submit(workspace, submitted(checkout, Instant.parse("2026-03-31T21:30:00Z"), null, nps(0)));
        awaitResponses(3);
        assertThat(dayCounts()).containsEntry("2026-03-16", 1L).containsEntry("2026-04-01", 1L)
                .doesNotContainKey("2026-03-15").doesNotContainKey("2026-03-31");
        assertThat(counts("week")).containsEntry("2026-03-09", 1L).containsEntry("2026-03-16", 1L)
                .containsEntry("2026-03-30", 1L);
        assertThat(counts("month")).containsEntry("2026-03-01", 2L).containsEntry("2026-04-01", 1L);
        // an instant in from/to selects its whole local day
        assertThat(api.summary(viewer, workspace.workspaceId(), "from=2026-03-31T21:30:00Z&to=2026-03-31T21:30:00Z")
                .get("to").asString()).isEqualTo("2026-04-01");

        // and a rebuild lands on exactly the incremental numbers in this zone
        Map<String, JsonNode> incremental = snapshot();
        MvcResult rebuilt = mvc.perform(post("/api/workspaces/{ws}/metrics:rebuild", workspace.workspaceId())
                .with(TestUsers.as(admin))).andReturn();
        assertThat(rebuilt.getResponse().getStatus()).isEqualTo(200);
        assertThat(snapshot()).isEqualTo(incremental);

        // back to UTC: the days follow again
        assertThat(api.put(admin, settingsPath, "{\"minN\": 30, \"timeZone\": \"UTC\"}").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(dayCounts()).containsEntry("2026-03-10", 1L).containsEntry("2026-03-15", 1L)
                .containsEntry("2026-03-31", 1L);
    }

    @Test
    void aZoneThatIsNotAnIanaIdIsABadRequestNamingTimeZoneAndWritesNothing() throws Exception {
        for (String body : List.of("{\"minN\": 5, \"timeZone\": \"Mars/Olympus\"}", "{\"minN\": 5, \"timeZone\": \"+02:00\"}",
                "{\"minN\": 5, \"timeZone\": 3}", "{\"minN\": 5, \"timeZone\": \"\"}",
                "{\"minN\": 5, \"timeZone\": \"europe/vilnius\"}")) {
            MvcResult result = api.put(admin, settingsPath, body);
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(api.body(result).get("errors").findValuesAsString("field")).as(body).containsExactly("timeZone");
        }
        MvcResult both = api.put(admin, settingsPath, "{\"minN\": 0, \"timeZone\": \"Nowhere\"}");
        assertThat(api.body(both).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("minN", "timeZone");

        JsonNode settings = api.body(api.call(viewer, settingsPath, ""));
        assertThat(settings.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(settings.get("minN").asInt()).isEqualTo(30);
        // without timeZone the zone stays as it is
        assertThat(api.put(admin, settingsPath, "{\"minN\": 5, \"timeZone\": \"Asia/Kolkata\"}").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(api.body(api.put(admin, settingsPath, "{\"minN\": 6}")).get("timeZone").asString())
                .isEqualTo("Asia/Kolkata");
    }

    @Test
    void viewersMayNotChangeTheZoneAndOutsidersDoNotSeeIt() throws Exception {
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());

        assertThat(api.put(viewer, settingsPath, "{\"minN\": 30, \"timeZone\": \"Europe/Vilnius\"}").getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(api.put(tenancy.member(sibling, Role.CLIENT_ADMIN), settingsPath,
                "{\"minN\": 30, \"timeZone\": \"Europe/Vilnius\"}").getResponse().getStatus()).isEqualTo(404);
        assertThat(api.call(tenancy.member(tenancy.newWorkspace(), Role.AGENCY_ADMIN), settingsPath, "").getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(api.body(api.call(viewer, settingsPath, "")).get("timeZone").asString()).isEqualTo("UTC");
    }

    private Map<String, Long> dayCounts() throws Exception {
        return counts("day");
    }

    /** Bucket start → n of the non-empty NPS buckets in March/April 2026. */
    private Map<String, Long> counts(String interval) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode point : api.timeseries(viewer, workspace.workspaceId(), "metric=nps&interval=" + interval + "&" + MARCH)
                .get("points")) {
            if (point.get("n").asLong() > 0) {
                counts.put(point.get("start").asString(), point.get("n").asLong());
            }
        }
        return counts;
    }

    private Map<String, JsonNode> snapshot() throws Exception {
        Map<String, JsonNode> numbers = new LinkedHashMap<>();
        numbers.put("summary", api.summary(viewer, workspace.workspaceId(), MARCH));
        for (String interval : List.of("day", "week", "month")) {
            numbers.put(interval, api.timeseries(viewer, workspace.workspaceId(), "metric=nps&interval=" + interval + "&" + MARCH));
        }
        return numbers;
    }

    private void awaitResponses(long responses) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> api.summary(viewer, workspace.workspaceId(),
                MARCH).get("workspace").get("responses").asLong() == responses);
    }
}
