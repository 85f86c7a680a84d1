package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.CxEvents.responseId;
import static com.waymark.metrics.CxEvents.skipped;
import static com.waymark.metrics.CxEvents.submitted;
import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/**
 * GDPR erasure takes a response out of every number and out of the raw facts; map deletions take
 * journeys, stages and touchpoints out of the map while their answers stay in the workspace.
 */
class ErasureIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(15);


    Tenancy.Workspace workspace;
    String viewer;
    UUID journey = UUID.randomUUID();
    UUID stage = UUID.randomUUID();
    UUID checkout = UUID.randomUUID();
    UUID payment = UUID.randomUUID();

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
    void anErasedResponseLeavesEveryNumberAsIfItHadNeverBeenGiven() throws Exception {
        events.npsResponses(workspace, checkout, 10, 9, 3);
        EventEnvelope erased = events.submit(workspace, submitted(checkout, Instant.now(), "vip", nps(0), csat(1),
                skipped("ces")));
        JsonNode before = awaitResponses(4);
        assertThat(before.get("workspace").get("nps").get("n").asLong()).isEqualTo(4);

        events.responseDeleted(workspace, responseId(erased));

        JsonNode after = awaitResponses(3);
        // P = 2, D = 1, n = 3 → 33.3 (with the erased detractor it was P = 2, D = 2, n = 4 → 0)
        JsonNode checkoutRow = find(after.get("touchpoints"), "touchpointId", checkout);
        assertThat(checkoutRow.get("nps").get("value").asDouble()).isEqualTo(33.3);
        assertThat(checkoutRow.get("nps").get("n").asLong()).isEqualTo(3);
        assertThat(after.get("workspace").get("csat").get("n").asLong()).isZero();
        assertThat(after.get("workspace").get("ces").get("skipped").asLong()).isZero();
        assertThat(find(after.get("stages"), "stageId", stage).get("responses").asLong()).isEqualTo(3);
        assertThat(api.summary(viewer, workspace.workspaceId(), "segment=vip").get("workspace").get("responses").asLong())
                .isZero();
        assertThat(api.timeseries(viewer, workspace.workspaceId(), "metric=nps&interval=day").get("points")
                .findValues("n").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
        // the raw facts are gone too; only the opaque id is remembered
        assertThat(asWorkspace("select count(*) from response_fact where response_id = '" + responseId(erased) + "'"))
                .isZero();
        assertThat(asWorkspace("select count(*) from response_answer where response_id = '" + responseId(erased) + "'"))
                .isZero();
        assertThat(asWorkspace("select count(*) from response_fact")).isEqualTo(3);
    }

    @Test
    void erasingTwiceOrErasingAnUnknownResponseChangesNothing() throws Exception {
        events.npsResponses(workspace, checkout, 10, 0);
        EventEnvelope erased = events.submit(workspace, submitted(checkout, Instant.now(), null, nps(10)));
        awaitResponses(3);

        EventEnvelope deletion = events.responseDeleted(workspace, responseId(erased));
        awaitResponses(2);
        events.publish(deletion); // redelivered
        EventEnvelope again = events.responseDeleted(workspace, responseId(erased)); // sent again, new event id
        EventEnvelope unknown = events.responseDeleted(workspace, UUID.randomUUID()); // never counted here
        awaitHandled(again.id());
        awaitHandled(unknown.id());

        JsonNode summary = api.summary(viewer, workspace.workspaceId(), "");
        assertThat(summary.get("workspace").get("responses").asLong()).isEqualTo(2);
        assertThat(summary.get("workspace").get("nps").get("value").asDouble()).isEqualTo(0.0);
        assertThat(summary.get("workspace").get("nps").get("n").asLong()).isEqualTo(2);
    }

    @Test
    void aSubmissionArrivingAfterItsErasureIsNeverCounted() throws Exception {
        var response = submitted(checkout, Instant.now(), null, nps(10));
        events.npsResponses(workspace, checkout, 0);
        events.responseDeleted(workspace, response.responseId());
        awaitResponses(1);

        EventEnvelope late = events.submit(workspace, response);
        awaitHandled(late.id());

        assertThat(api.summary(viewer, workspace.workspaceId(), "").get("workspace").get("responses").asLong())
                .isEqualTo(1);
    }

    @Test
    void aDeletedTouchpointLeavesTheMapButItsAnswersStay() throws Exception {
        events.npsResponses(workspace, checkout, 10, 10);
        events.npsResponses(workspace, payment, 0);
        awaitResponses(3);

        events.touchpointDeleted(workspace, checkout, stage, journey);

        JsonNode summary = awaitNamedTouchpoints(1);
        JsonNode orphan = find(summary.get("touchpoints"), "touchpointId", checkout);
        assertThat(orphan.get("name").isNull()).isTrue();
        assertThat(orphan.get("stageId").isNull()).isTrue();
        assertThat(orphan.get("nps").get("n").asLong()).isEqualTo(2);
        // the stage and journey now pool only Payment; the workspace keeps every answer
        assertThat(find(summary.get("stages"), "stageId", stage).get("nps").get("n").asLong()).isEqualTo(1);
        assertThat(find(summary.get("journeys"), "journeyId", journey).get("nps").get("value").asDouble()).isEqualTo(-100.0);
        assertThat(summary.get("workspace").get("nps").get("n").asLong()).isEqualTo(3);
        // its own series is still there, by its answers
        assertThat(api.timeseries(viewer, workspace.workspaceId(), "metric=nps&interval=day&touchpointId=" + checkout)
                .get("points").findValues("n").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(2);
    }

    @Test
    void aLateChangeOfADeletedTouchpointDoesNotBringItBack() throws Exception {
        events.npsResponses(workspace, checkout, 10);
        awaitResponses(1);
        events.touchpointDeleted(workspace, checkout, stage, journey);
        awaitNamedTouchpoints(1);

        EventEnvelope late = events.publish(new EventEnvelope(Uuids.timeOrdered(), EventTypes.TOUCHPOINT_CHANGED, 1,
                Instant.now().minusSeconds(3600), workspace.tenantId(), workspace.workspaceId(),
                json.valueToTree(new TouchpointChanged(checkout, journey, stage, "Checkout (old name)", null, 0))));
        awaitHandled(late.id());

        JsonNode summary = api.summary(viewer, workspace.workspaceId(), "");
        assertThat(find(summary.get("touchpoints"), "touchpointId", checkout).get("name").isNull()).isTrue();
    }

    @Test
    void aDeletedStageTakesItsTouchpointsOutOfTheMap() throws Exception {
        events.npsResponses(workspace, payment, 9);
        awaitResponses(1);
        awaitNamedTouchpoints(2);

        events.stageDeleted(workspace, stage, journey);

        JsonNode summary = awaitNamedTouchpoints(0);
        assertThat(summary.get("stages").size()).isZero();
        assertThat(find(summary.get("journeys"), "journeyId", journey).get("nps").get("n").asLong()).isZero();
        assertThat(find(summary.get("touchpoints"), "touchpointId", payment).get("nps").get("n").asLong()).isEqualTo(1);
        assertThat(summary.get("touchpoints").size()).isEqualTo(1);
    }

    @Test
    void aDeletedJourneyIsNotFoundAnyMoreButItsAnswersStayInTheWorkspace() throws Exception {
        events.npsResponses(workspace, checkout, 10, 10);
        awaitResponses(2);
        assertThat(api.call(viewer, "/api/workspaces/" + workspace.workspaceId() + "/metrics/summary",
                "journeyId=" + journey).getResponse().getStatus()).isEqualTo(200);

        events.journeyDeleted(workspace, journey);

        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> api.call(viewer,
                "/api/workspaces/" + workspace.workspaceId() + "/metrics/summary", "journeyId=" + journey)
                .getResponse().getStatus() == 404);
        JsonNode summary = api.summary(viewer, workspace.workspaceId(), "");
        assertThat(summary.get("journeys").size()).isZero();
        assertThat(summary.get("stages").size()).isZero();
        assertThat(summary.get("workspace").get("nps").get("n").asLong()).isEqualTo(2);
        assertThat(api.call(viewer, "/api/workspaces/" + workspace.workspaceId() + "/metrics/timeseries",
                "metric=nps&journeyId=" + journey).getResponse().getStatus()).isEqualTo(404);
    }

    private long asWorkspace(String sql) {
        return TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), workspace.workspaceId()),
                () -> jdbc.sql(sql).query(Long.class).single());
    }

    private void awaitHandled(UUID eventId) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "select exists (select 1 from inbox where event_id = ?)").param(eventId).query(Boolean.class).single());
    }

    private JsonNode awaitResponses(long responses) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = api.summary(viewer, workspace.workspaceId(), "");
            return last[0].get("workspace").get("responses").asLong() == responses;
        });
        return last[0];
    }

    private JsonNode awaitNamedTouchpoints(long named) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = api.summary(viewer, workspace.workspaceId(), "");
            return last[0].get("touchpoints").findValues("name").stream().filter(name -> !name.isNull()).count() == named;
        });
        return last[0];
    }
}
