package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.ces;
import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.ResponseSubmitted;
import com.waymark.platform.events.ResponseSubmitted.Answer;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/**
 * Driver analysis from real envelopes: 30 known respondents answer the journey-level NPS survey and
 * touchpoint surveys. Touchpoint A's scores are the journey score exactly, D's follow it roughly (and
 * perform well), B's are noise, C has too few pairs.
 */
class DriversIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(20);
    static final int RESPONDENTS = 30;


    Tenancy.Workspace workspace;
    String viewer;
    UUID journey = UUID.randomUUID();
    UUID stage = UUID.randomUUID();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    UUID d = UUID.randomUUID();
    List<EventEnvelope> sent = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        sent.add(events.journey(workspace, journey, "Buy online"));
        sent.add(events.stage(workspace, stage, journey, "Purchase", 1));
        sent.add(events.touchpoint(workspace, a, stage, journey, "Checkout"));
        sent.add(events.touchpoint(workspace, b, stage, journey, "Store signage"));
        sent.add(events.touchpoint(workspace, c, stage, journey, "Invoice"));
        sent.add(events.touchpoint(workspace, d, stage, journey, "Delivery"));
    }

    @Test
    void touchpointsThatTrackTheJourneyScoreAreMoreImportantAndFallIntoQuadrants() throws Exception {
        Instant now = Instant.now();
        for (int k = 0; k < RESPONDENTS; k++) {
            String key = "respondent-" + k;
            int outcome = k % 11;
            sent.add(submit(workspace, null, journey, key, now.minusSeconds(60), nps(outcome)));
            sent.add(submit(workspace, a, null, key, now.minusSeconds(120), nps(outcome)));
            sent.add(submit(workspace, b, null, key, now.minusSeconds(120), nps(7 + (7 * k + 3) % 4)));
            sent.add(submit(workspace, d, null, key, now.minusSeconds(120), nps(outcome >= 5 ? 10 : 9)));
            if (k < 5) {
                sent.add(submit(workspace, c, null, key, now.minusSeconds(120), ces(1 + k)));
            }
        }
        // respondent 0 answered the journey survey before too: only the latest answer counts (else A would not be 1.0)
        sent.add(submit(workspace, null, journey, "respondent-0", now.minus(Duration.ofDays(2)), nps(10)));
        // one more respondent only answered about the journey (counted in n, in no pair); an anonymous answer counts nowhere
        sent.add(submit(workspace, null, journey, "journey-only", now.minusSeconds(30), nps(5)));
        sent.add(submit(workspace, null, journey, null, now.minusSeconds(30), nps(0)));
        // another workspace with the same journey and touchpoint ids and respondent keys, answering the opposite
        Tenancy.Workspace other = tenancy.newWorkspace();
        for (int k = 0; k < RESPONDENTS; k++) {
            sent.add(submit(other, null, journey, "respondent-" + k, now.minusSeconds(10), nps(10 - k % 11)));
            sent.add(submit(other, a, null, "respondent-" + k, now.minusSeconds(10), csat(1 + k % 5)));
        }
        awaitHandled();

        JsonNode drivers = drivers(viewer, workspace, "journeyId=" + journey);

        assertThat(drivers.get("journeyId").asString()).isEqualTo(journey.toString());
        assertThat(drivers.get("outcome").asString()).isEqualTo("nps");
        assertThat(drivers.get("n").asLong()).isEqualTo(RESPONDENTS + 1);
        JsonNode tracking = find(drivers.get("touchpoints"), "touchpointId", a);
        JsonNode noise = find(drivers.get("touchpoints"), "touchpointId", b);
        JsonNode few = find(drivers.get("touchpoints"), "touchpointId", c);
        JsonNode rough = find(drivers.get("touchpoints"), "touchpointId", d);

        assertThat(tracking.get("name").asString()).isEqualTo("Checkout");
        assertThat(tracking.get("stageId").asString()).isEqualTo(stage.toString());
        assertThat(tracking.get("n").asLong()).isEqualTo(RESPONDENTS);
        assertThat(tracking.get("importance").asDouble()).isEqualTo(1.0);
        assertThat(noise.get("n").asLong()).isEqualTo(RESPONDENTS);
        assertThat(noise.get("importance").asDouble()).isLessThan(0.3).isGreaterThan(-0.3);
        assertThat(rough.get("importance").asDouble()).isBetween(noise.get("importance").asDouble(), 1.0);
        assertThat(few.get("n").asLong()).isEqualTo(5);
        assertThat(few.get("importance").isNull()).isTrue();
        assertThat(few.get("quadrant").isNull()).isTrue();

        // performance is the touchpoint's own NPS: A 4 promoters, 21 detractors of 30 → −56.7; D all promoters
        assertThat(tracking.get("performance").get("value").asDouble()).isCloseTo(-56.7, within(1e-9));
        assertThat(tracking.get("performance").get("n").asLong()).isEqualTo(RESPONDENTS);
        assertThat(tracking.get("performance").get("enough").asBoolean()).isTrue();
        assertThat(rough.get("performance").get("value").asDouble()).isEqualTo(100.0);
        assertThat(few.get("performance").get("n").asLong()).isZero();

        // medians over A, B, D: importance D's, performance B's; a value at the median counts as high
        assertThat(tracking.get("quadrant").asString()).isEqualTo("priority");
        assertThat(noise.get("quadrant").asString()).isEqualTo("maintain");
        assertThat(rough.get("quadrant").asString()).isEqualTo("strength");

        // a rebuild of the rollups changes nothing here
        String admin = tenancy.member(workspace, Role.CLIENT_ADMIN);
        MvcResult rebuilt = mvc.perform(post("/api/workspaces/{ws}/metrics:rebuild", workspace.workspaceId())
                .with(TestUsers.as(admin))).andReturn();
        assertThat(rebuilt.getResponse().getStatus()).isEqualTo(200);
        assertThat(drivers(viewer, workspace, "journeyId=" + journey)).isEqualTo(drivers);

        // a period without the answers has no respondents and no importances
        JsonNode before = drivers(viewer, workspace, "journeyId=" + journey + "&from=2020-01-01&to=2020-01-31");
        assertThat(before.get("n").asLong()).isZero();
        assertThat(find(before.get("touchpoints"), "touchpointId", a).get("importance").isNull()).isTrue();
    }

    @Test
    void theJourneyIsRequiredAndOnlyNpsIsAnOutcome() throws Exception {
        String path = "/api/workspaces/" + workspace.workspaceId() + "/metrics/drivers";
        MvcResult missing = api.call(viewer, path, "");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(missing).get("errors").get(0).get("field").asString()).isEqualTo("journeyId");
        MvcResult outcome = api.call(viewer, path, "journeyId=" + journey + "&outcome=csat");
        assertThat(outcome.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.body(outcome).get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(api.call(viewer, path, "journeyId=" + UUID.randomUUID()).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void outsidersGet404AndAnotherWorkspacesJourneyIsUnknown() throws Exception {
        awaitHandled();
        String path = "/api/workspaces/" + workspace.workspaceId() + "/metrics/drivers";
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());
        Tenancy.Workspace foreign = tenancy.newWorkspace();

        assertThat(api.call(tenancy.member(sibling, Role.CLIENT_ADMIN), path, "journeyId=" + journey)
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(api.call(tenancy.member(foreign, Role.AGENCY_ADMIN), path, "journeyId=" + journey)
                .getResponse().getStatus()).isEqualTo(404);
        String siblingViewer = tenancy.member(sibling, Role.CLIENT_VIEWER);
        assertThat(api.call(siblingViewer, "/api/workspaces/" + sibling.workspaceId() + "/metrics/drivers",
                "journeyId=" + journey).getResponse().getStatus()).isEqualTo(404);
        assertThat(api.call(viewer, path, "journeyId=" + journey).getResponse().getStatus()).isEqualTo(200);
    }

    private EventEnvelope submit(Tenancy.Workspace target, @Nullable UUID touchpointId, @Nullable UUID journeyId,
            @Nullable String respondentKey, Instant at, Answer... answers) {
        return events.submit(target, new ResponseSubmitted(UUID.randomUUID(), UUID.randomUUID(), touchpointId, at, "en",
                null, "Online", List.of(answers), journeyId, respondentKey));
    }

    private JsonNode drivers(String user, Tenancy.Workspace target, String query) throws Exception {
        MvcResult result = api.call(user, "/api/workspaces/" + target.workspaceId() + "/metrics/drivers", query);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return api.body(result);
    }

    private void awaitHandled() {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> sent.stream().allMatch(event -> jdbc.sql(
                "select exists (select 1 from inbox where event_id = ?)").param(event.id()).query(Boolean.class).single()));
    }
}
