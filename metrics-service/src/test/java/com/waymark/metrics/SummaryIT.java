package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.ces;
import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.CxEvents.skipped;
import static com.waymark.metrics.CxEvents.text;
import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.test.Tenancy;

/**
 * Events in through RabbitMQ, scores out through the API: exact NPS, CSAT and CES with n and interval
 * at every level, de-duplication, and the segment and period filters.
 */
class SummaryIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(15);


    Tenancy.Workspace workspace;
    String viewer;

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
    }

    @Test
    void scoresAreExactAtTouchpointStageJourneyAndWorkspaceLevel() throws Exception {
        UUID journey = UUID.randomUUID();
        UUID purchase = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        UUID checkout = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        UUID tracking = UUID.randomUUID();
        UUID unmapped = UUID.randomUUID();
        events.journey(workspace, journey, "Buy online");
        events.stage(workspace, purchase, journey, "Purchase", 1);
        events.stage(workspace, delivery, journey, "Delivery", 2);
        events.touchpoint(workspace, checkout, purchase, journey, "Checkout page");
        events.touchpoint(workspace, payment, purchase, journey, "Payment");
        events.touchpoint(workspace, tracking, delivery, journey, "Parcel tracking");

        events.npsResponses(workspace, checkout, 10, 10, 9, 9, 9, 9, 8, 7, 3, 0);
        events.npsResponses(workspace, payment, 10, 9, 6, 5, 8);
        events.response(workspace, tracking, Instant.now(), null, nps(9), csat(5), ces(6));
        events.response(workspace, tracking, Instant.now(), null, nps(10), csat(4), ces(7));
        events.response(workspace, tracking, Instant.now(), null, skipped("nps"), csat(2), skipped("ces"), text());
        events.npsResponses(workspace, unmapped, 0, 0);
        events.npsResponses(workspace, null, 10);

        JsonNode summary = awaitSummary(viewer, "", 21, 3);

        // Checkout: P = 6, D = 2, n = 10 → NPS 40; n' = 13, p' = 6.75/13, d' = 2.75/13,
        // Var = (0.730769 − 0.307692²)/13 = 0.0489304, 100·(0.307692 ± 1.96·0.221202) = [−12.586, 74.125]
        assertScore(find(summary.get("touchpoints"), "touchpointId", checkout).get("nps"), 40.0, 10, -12.6, 74.1);
        // Payment: P = 2, D = 2, n = 5 → 0; n' = 8, p' = d' = 0.34375, Var = 0.6875/8, ±1.96·0.293151 → ±57.458
        assertScore(find(summary.get("touchpoints"), "touchpointId", payment).get("nps"), 0.0, 5, -57.5, 57.5);
        // Purchase pools Checkout and Payment: P = 8, D = 4, n = 15 → 26.667; n' = 18, p' = 8.75/18,
        // d' = 4.75/18, Var = (0.75 − 0.222222²)/18 = 0.0389232, 100·(0.222222 ± 0.386687) = [−16.447, 60.891]
        JsonNode purchaseRow = find(summary.get("stages"), "stageId", purchase);
        assertScore(purchaseRow.get("nps"), 26.7, 15, -16.4, 60.9);
        assertThat(purchaseRow.get("name").asString()).isEqualTo("Purchase");
        assertThat(purchaseRow.get("responses").asLong()).isEqualTo(15);
        // Parcel tracking: NPS P = 2, n = 2 (one skipped) → 100; n' = 5, p' = 0.55, d' = 0.15,
        // Var = (0.7 − 0.16)/5 = 0.108, 100·(0.4 ± 0.644123) = [−24.412, 104.4] → clamped at 100
        JsonNode trackingRow = find(summary.get("touchpoints"), "touchpointId", tracking);
        assertScore(trackingRow.get("nps"), 100.0, 2, -24.4, 100.0);
        assertThat(trackingRow.get("nps").get("skipped").asLong()).isEqualTo(1);
        // CSAT 2 of 3 → 66.667%, Wilson: centre (0.666667 + 0.64027)/2.28053 = 0.573084, half 0.372865
        assertScore(trackingRow.get("csat"), 66.7, 3, 20.8, 93.9);
        // CES 6, 7: mean 6.5, s² = 0.5, 1.96·√(0.5/2) = 0.98 → [5.52, 7.48] → [5.52, 7]; all agree
        assertScore(trackingRow.get("ces"), 6.5, 2, 5.5, 7.0);
        assertThat(trackingRow.get("ces").get("agreePct").asDouble()).isEqualTo(100.0);
        assertThat(trackingRow.get("ces").get("skipped").asLong()).isEqualTo(1);
        assertThat(trackingRow.get("stageId").asString()).isEqualTo(delivery.toString());
        assertThat(trackingRow.get("journeyId").asString()).isEqualTo(journey.toString());
        assertScore(find(summary.get("stages"), "stageId", delivery).get("nps"), 100.0, 2, -24.4, 100.0);
        // the journey pools all three: P = 10, D = 4, n = 17 → 35.294; n' = 20, p' = 0.5375, d' = 0.2375,
        // Var = (0.775 − 0.09)/20 = 0.03425, 100·(0.3 ± 1.96·0.185068) = [−6.273, 66.273]
        JsonNode journeyRow = find(summary.get("journeys"), "journeyId", journey);
        assertScore(journeyRow.get("nps"), 35.3, 17, -6.3, 66.3);
        assertThat(journeyRow.get("name").asString()).isEqualTo("Buy online");
        assertThat(journeyRow.get("responses").asLong()).isEqualTo(18);
        // a touchpoint the map does not know still shows, unnamed: D = 2, n = 2 → −100
        JsonNode unmappedRow = find(summary.get("touchpoints"), "touchpointId", unmapped);
        assertScore(unmappedRow.get("nps"), -100.0, 2, -100.0, 24.4);
        assertThat(unmappedRow.get("name").isNull()).isTrue();
        // the workspace is every answer, with or without a touchpoint: P = 11, D = 6, n = 20 → 25;
        // n' = 23, p' = 11.75/23, d' = 6.75/23, Var = (0.804348 − 0.217391²)/23 = 0.0329169,
        // 100·(0.217391 ± 1.96·0.181430) = [−13.821, 57.299]
        JsonNode whole = summary.get("workspace");
        assertScore(whole.get("nps"), 25.0, 20, -13.8, 57.3);
        assertThat(whole.get("nps").get("skipped").asLong()).isEqualTo(1);
        assertThat(whole.get("responses").asLong()).isEqualTo(21);
        assertThat(whole.get("nps").get("enough").asBoolean()).isFalse();
        assertThat(summary.get("minN").asInt()).isEqualTo(30);
        // ordered like the map: stages by position, touchpoints by stage then name, unknown ones last
        assertThat(summary.get("stages").findValuesAsString("name")).containsExactly("Purchase", "Delivery");
        assertThat(summary.get("touchpoints").findValuesAsString("touchpointId")).containsExactly(
                checkout.toString(), payment.toString(), tracking.toString(), unmapped.toString());
    }

    @Test
    void thirtyAnswersAreEnoughData() throws Exception {
        UUID touchpoint = UUID.randomUUID();
        events.npsResponses(workspace, touchpoint, new int[29]);

        JsonNode few = awaitSummary(viewer, "", 29, 0);
        assertThat(few.get("workspace").get("nps").get("enough").asBoolean()).isFalse();

        events.npsResponses(workspace, touchpoint, 0);
        JsonNode enough = awaitSummary(viewer, "", 30, 0);
        // D = 30 of 30 → −100; n' = 33, p' = 0.75/33, d' = 30.75/33, Var = 0.0038818,
        // 100·(−0.909091 ± 0.122118) = [−103.121, −78.697] → clamped at −100
        JsonNode nps = find(enough.get("touchpoints"), "touchpointId", touchpoint).get("nps");
        assertScore(nps, -100.0, 30, -100.0, -78.7);
        assertThat(nps.get("enough").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredEventOrAResentResponseIsCountedOnce() throws Exception {
        UUID touchpoint = UUID.randomUUID();
        EventEnvelope first = events.response(workspace, touchpoint, Instant.now(), null, nps(10));
        events.publish(first);
        // the same response again under a new event id (e.g. a producer that re-published it)
        events.publish(events.envelope(workspace, first.type(), first.data()));
        // one consumer handles the queue in order: once this one counts, the duplicates were handled
        events.response(workspace, touchpoint, Instant.now(), null, nps(0));

        JsonNode summary = awaitSummary(viewer, "", 2, 0);

        assertScore(summary.get("workspace").get("nps"), 0.0, 2, -73.3, 73.3);
        assertThat(jdbc.sql("select count(*) from inbox where event_id = ?").param(first.id()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theSegmentFilterKeepsOnlyThatSegmentsAnswers() throws Exception {
        UUID touchpoint = UUID.randomUUID();
        events.response(workspace, touchpoint, Instant.now(), "returning", nps(10));
        events.response(workspace, touchpoint, Instant.now(), "returning", nps(9));
        events.response(workspace, touchpoint, Instant.now(), "new", nps(0));
        events.response(workspace, touchpoint, Instant.now(), null, nps(8));
        JsonNode all = awaitSummary(viewer, "", 4, 0);

        JsonNode returning = api.summary(viewer, workspace.workspaceId(), "segment=returning");
        JsonNode fresh = api.summary(viewer, workspace.workspaceId(), "segment=new");

        // all: P = 2, D = 1, n = 4 → 25; returning: P = 2, n = 2 → 100; new: D = 1, n = 1 → −100
        assertScore(all.get("workspace").get("nps"), 25.0, 4, -44.2, 72.7);
        assertScore(returning.get("workspace").get("nps"), 100.0, 2, -24.4, 100.0);
        assertThat(returning.get("workspace").get("responses").asLong()).isEqualTo(2);
        assertThat(returning.get("segment").asString()).isEqualTo("returning");
        assertScore(find(returning.get("touchpoints"), "touchpointId", touchpoint).get("nps"), 100.0, 2, -24.4, 100.0);
        assertScore(fresh.get("workspace").get("nps"), -100.0, 1, -98.5, 48.5);
    }

    @Test
    void fromAndToSelectTheUtcDaysOfSubmission() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID touchpoint = UUID.randomUUID();
        events.response(workspace, touchpoint, noon(today.minusDays(100)), null, nps(0));
        events.response(workspace, touchpoint, noon(today.minusDays(10)), null, nps(10));
        events.response(workspace, touchpoint, Instant.now(), null, nps(9));
        JsonNode wide = awaitSummary(viewer, "from=" + today.minusDays(200), 3, 0);

        JsonNode lastNinetyDays = api.summary(viewer, workspace.workspaceId(), "");
        JsonNode old = api.summary(viewer, workspace.workspaceId(),
                "from=" + today.minusDays(120) + "&to=" + today.minusDays(50));
        JsonNode oneDay = api.summary(viewer, workspace.workspaceId(),
                "from=" + today.minusDays(10) + "T01:00:00Z&to=" + today.minusDays(10) + "T23:00:00%2B00:00");

        assertThat(wide.get("workspace").get("nps").get("n").asLong()).isEqualTo(3);
        assertThat(lastNinetyDays.get("from").asString()).isEqualTo(today.minusDays(89).toString());
        assertThat(lastNinetyDays.get("to").asString()).isEqualTo(today.toString());
        assertScore(lastNinetyDays.get("workspace").get("nps"), 100.0, 2, -24.4, 100.0);
        assertScore(old.get("workspace").get("nps"), -100.0, 1, -98.5, 48.5);
        assertThat(oneDay.get("from").asString()).isEqualTo(today.minusDays(10).toString());
        assertScore(oneDay.get("workspace").get("nps"), 100.0, 1, -48.5, 98.5);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsABadRequestNamingFrom() throws Exception {
        MvcResult reversed = api.call(viewer, summaryPath(), "from=2026-11-10&to=2026-11-01");
        MvcResult notADate = api.call(viewer, summaryPath(), "to=last-week");
        MvcResult notAnId = api.call(viewer, summaryPath(), "journeyId=42");

        assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
        assertThat(reversed.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(api.body(reversed).get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(notADate.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(notADate).get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(notAnId.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(notAnId).get("errors").get(0).get("field").asString()).isEqualTo("journeyId");
    }

    @Test
    void aJourneyFilterListsOnlyThatJourneyButKeepsTheWholeWorkspace() throws Exception {
        UUID wanted = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID wantedStage = UUID.randomUUID();
        UUID otherStage = UUID.randomUUID();
        UUID wantedTouchpoint = UUID.randomUUID();
        UUID otherTouchpoint = UUID.randomUUID();
        events.journey(workspace, wanted, "Return an item");
        events.journey(workspace, other, "Open an account");
        events.stage(workspace, wantedStage, wanted, "Return", 1);
        events.stage(workspace, otherStage, other, "Sign-up", 1);
        events.touchpoint(workspace, wantedTouchpoint, wantedStage, wanted, "Returns desk");
        events.touchpoint(workspace, otherTouchpoint, otherStage, other, "Sign-up form");
        events.npsResponses(workspace, wantedTouchpoint, 10);
        events.npsResponses(workspace, otherTouchpoint, 0);
        awaitSummary(viewer, "", 2, 2);

        JsonNode filtered = api.summary(viewer, workspace.workspaceId(), "journeyId=" + wanted);
        MvcResult unknown = api.call(viewer, summaryPath(), "journeyId=" + UUID.randomUUID());

        assertThat(filtered.get("journeys").findValuesAsString("journeyId")).containsExactly(wanted.toString());
        assertThat(filtered.get("stages").findValuesAsString("stageId")).containsExactly(wantedStage.toString());
        assertThat(filtered.get("touchpoints").findValuesAsString("touchpointId")).containsExactly(wantedTouchpoint.toString());
        assertScore(filtered.get("journeys").get(0).get("nps"), 100.0, 1, -48.5, 98.5);
        assertThat(filtered.get("workspace").get("nps").get("n").asLong()).isEqualTo(2);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anAnswerShowsInTheSummaryWithinTwoSeconds() throws Exception {
        UUID touchpoint = UUID.randomUUID();
        events.npsResponses(workspace, touchpoint, 9);
        awaitSummary(viewer, "", 1, 0);

        long started = System.nanoTime();
        events.npsResponses(workspace, touchpoint, 10);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(
                () -> api.summary(viewer, workspace.workspaceId(), "").get("workspace").get("responses").asLong() == 2);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void emptyWorkspaceHasNoValuesButSaysSo() throws Exception {
        JsonNode summary = api.summary(viewer, workspace.workspaceId(), "");

        JsonNode nps = summary.get("workspace").get("nps");
        assertThat(nps.get("n").asLong()).isZero();
        assertThat(nps.get("value").isNull()).isTrue();
        assertThat(nps.get("ciLow").isNull()).isTrue();
        assertThat(nps.get("enough").asBoolean()).isFalse();
        assertThat(summary.get("workspace").get("ces").get("agreePct").isNull()).isTrue();
        assertThat(summary.get("journeys").isEmpty()).isTrue();
        assertThat(summary.get("touchpoints").isEmpty()).isTrue();
    }

    /** Waits until the workspace has {@code responses} and {@code namedTouchpoints} touchpoints with a name. */
    private JsonNode awaitSummary(String user, String query, long responses, int namedTouchpoints) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = api.summary(user, workspace.workspaceId(), query);
            long named = last[0].get("touchpoints").findValues("name").stream().filter(name -> !name.isNull()).count();
            boolean stagesNamed = last[0].get("stages").findValues("name").stream().noneMatch(JsonNode::isNull);
            return last[0].get("workspace").get("responses").asLong() == responses && named == namedTouchpoints
                    && stagesNamed;
        });
        return last[0];
    }

    private String summaryPath() {
        return "/api/workspaces/" + workspace.workspaceId() + "/metrics/summary";
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static void assertScore(JsonNode score, double value, long n, double ciLow, double ciHigh) {
        assertThat(score.get("value").asDouble()).as("value of %s", score).isEqualTo(value);
        assertThat(score.get("n").asLong()).as("n of %s", score).isEqualTo(n);
        assertThat(score.get("ciLow").asDouble()).as("ciLow of %s", score).isEqualTo(ciLow);
        assertThat(score.get("ciHigh").asDouble()).as("ciHigh of %s", score).isEqualTo(ciHigh);
    }
}
