package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.ces;
import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.CxEvents.responseId;
import static com.waymark.metrics.CxEvents.skipped;
import static com.waymark.metrics.CxEvents.submitted;
import static com.waymark.metrics.CxEvents.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/** A rebuild recomputes the rollups from the raw facts and lands on exactly the incremental numbers. */
class RebuildIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(20);


    Tenancy.Workspace workspace;
    String viewer;
    UUID journey = UUID.randomUUID();
    UUID stage = UUID.randomUUID();
    UUID checkout = UUID.randomUUID();
    UUID payment = UUID.randomUUID();
    List<EventEnvelope> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        events.journey(workspace, journey, "Buy online");
        events.stage(workspace, stage, journey, "Purchase", 1);
        events.touchpoint(workspace, checkout, stage, journey, "Checkout");
        events.touchpoint(workspace, payment, stage, journey, "Payment");
    }

    @Test
    void rebuildingGivesExactlyTheIncrementalNumbersAfterSubmissionsRedeliveriesAndErasures() throws Exception {
        Instant now = Instant.now();
        int[] npsScores = {10, 9, 8, 7, 6, 3, 0, 10, 9, 5, 10, 2};
        List<EventEnvelope> submissions = new ArrayList<>();
        for (int i = 0; i < npsScores.length; i++) {
            UUID touchpoint = i % 4 == 0 ? null : i % 4 == 1 ? checkout : i % 4 == 2 ? payment : UUID.randomUUID();
            Instant at = now.minus(Duration.ofDays(i % 5)).minusSeconds(i);
            String segment = i % 3 == 0 ? "vip" : i % 3 == 1 ? " new " : null;
            submissions.add(send(events.submit(workspace, submitted(touchpoint, at, segment, nps(npsScores[i]),
                    i % 2 == 0 ? csat(1 + i % 5) : skipped("csat"), i % 3 == 2 ? skipped("ces") : ces(1 + i % 7),
                    text()))));
        }
        // redeliveries: the same event again, and the same response under a new event id
        send(events.publish(submissions.get(1)));
        send(events.publish(events.envelope(workspace, submissions.get(2).type(),
                json.treeToValue(submissions.get(2).data(), com.waymark.platform.events.ResponseSubmitted.class))));
        awaitHandled();
        // erasures: two counted responses, one twice, and one never seen
        send(events.responseDeleted(workspace, responseId(submissions.get(0))));
        send(events.responseDeleted(workspace, responseId(submissions.get(5))));
        send(events.responseDeleted(workspace, responseId(submissions.get(5))));
        send(events.responseDeleted(workspace, UUID.randomUUID()));
        awaitHandled();
        Map<String, JsonNode> incremental = snapshot();
        assertThat(incremental.get("summary").get("workspace").get("responses").asLong()).isEqualTo(10);

        // damage the rollups, so only a real recomputation can restore them
        asWorkspace(() -> {
            jdbc.sql("update score_rollup set answers = answers + 3").update();
            jdbc.sql("delete from response_rollup where segment = 'vip'").update();
        });
        assertThat(snapshot()).isNotEqualTo(incremental);

        String admin = tenancy.member(workspace, Role.CLIENT_ADMIN);
        MvcResult result = rebuild(admin, workspace);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode counts = api.body(result);
        assertThat(counts.get("responses").asLong()).isEqualTo(10);
        // 10 NPS + 5 CSAT + CES: answered where i % 3 != 2 among the kept i (1,2,3,4,6,7,8,9,10,11) → 7 = 22
        assertThat(counts.get("answers").asLong()).isEqualTo(22);
        assertThat(counts.get("scoreRows").asLong()).isPositive();
        assertThat(counts.get("responseRows").asLong()).isPositive();
        assertThat(snapshot()).isEqualTo(incremental);
    }

    @Test
    void onlyAdminsMayRebuildAndOutsidersDoNotSeeTheOperation() throws Exception {
        events.npsResponses(workspace, checkout, 10, 0);
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());
        Tenancy.Workspace foreign = tenancy.newWorkspace();

        assertThat(rebuild(viewer, workspace).getResponse().getStatus()).isEqualTo(403);
        assertThat(rebuild(tenancy.member(workspace, Role.CLIENT_EDITOR), workspace).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(rebuild(tenancy.member(workspace, Role.AGENCY_STAFF), workspace).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(rebuild(tenancy.member(sibling, Role.CLIENT_ADMIN), workspace).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(rebuild(tenancy.member(foreign, Role.AGENCY_ADMIN), workspace).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(rebuild(tenancy.member(workspace, Role.AGENCY_ADMIN), workspace).getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void rebuildingOneWorkspaceLeavesItsSiblingsAlone() throws Exception {
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());
        String siblingViewer = tenancy.member(sibling, Role.CLIENT_VIEWER);
        events.npsResponses(sibling, null, 10, 10, 0);
        events.npsResponses(workspace, checkout, 0);
        await().atMost(BOUND).until(() -> api.summary(siblingViewer, sibling.workspaceId(), "").get("workspace")
                .get("responses").asLong() == 3);
        JsonNode before = api.summary(siblingViewer, sibling.workspaceId(), "");

        JsonNode counts = api.body(rebuild(tenancy.member(workspace, Role.AGENCY_ADMIN), workspace));

        assertThat(counts.get("responses").asLong()).isLessThanOrEqualTo(1);
        assertThat(api.summary(siblingViewer, sibling.workspaceId(), "")).isEqualTo(before);
    }

    private MvcResult rebuild(String user, Tenancy.Workspace target) throws Exception {
        return mvc.perform(post("/api/workspaces/{ws}/metrics:rebuild", target.workspaceId()).with(TestUsers.as(user)))
                .andReturn();
    }

    private Map<String, JsonNode> snapshot() throws Exception {
        String from = "from=" + LocalDate.now(ZoneOffset.UTC).minusDays(10);
        Map<String, JsonNode> numbers = new LinkedHashMap<>();
        numbers.put("summary", api.summary(viewer, workspace.workspaceId(), ""));
        numbers.put("vip", api.summary(viewer, workspace.workspaceId(), "segment=vip"));
        numbers.put("new", api.summary(viewer, workspace.workspaceId(), "segment=new"));
        for (String metric : List.of("nps", "csat", "ces")) {
            numbers.put(metric, api.timeseries(viewer, workspace.workspaceId(), "metric=" + metric + "&interval=day&" + from));
            numbers.put(metric + "-journey", api.timeseries(viewer, workspace.workspaceId(),
                    "metric=" + metric + "&interval=day&journeyId=" + journey + "&" + from));
        }
        return numbers;
    }

    private EventEnvelope send(EventEnvelope event) {
        sent.add(event);
        return event;
    }

    private void awaitHandled() {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> sent.stream().allMatch(event -> jdbc.sql(
                "select exists (select 1 from inbox where event_id = ?)").param(event.id()).query(Boolean.class).single()));
    }

    private void asWorkspace(Runnable work) {
        TenantContextHolder.runAs(TenantContext.ofWorkspace(workspace.tenantId(), workspace.workspaceId()), work);
    }
}
