package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.ces;
import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.MetricsApi.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.ResponseSubmitted;
import com.waymark.platform.events.ResponseSubmitted.Answer;
import com.waymark.platform.test.Tenancy;

/**
 * Journey vs touchpoint view in the summary: a journey's own scores pool all its responses (touchpoint and
 * journey-level surveys); {@code touchpointMean} is the unweighted mean of its touchpoints' enough values.
 * The fixture is small enough to compute by hand (minN = 3).
 */
class TouchpointMeanIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(20);

    Tenancy.Workspace workspace;
    String viewer;
    UUID journey = UUID.randomUUID();
    UUID quiet = UUID.randomUUID();
    UUID stage = UUID.randomUUID();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        workspace = tenancy.newWorkspace();
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        assertThat(api.put(tenancy.member(workspace, Role.CLIENT_ADMIN),
                "/api/workspaces/" + workspace.workspaceId() + "/metrics/settings", "{\"minN\": 3}").getResponse().getStatus())
                .isEqualTo(200);
        events.journey(workspace, journey, "Buy online");
        events.journey(workspace, quiet, "Quiet journey");
        events.stage(workspace, stage, journey, "Purchase", 1);
        events.touchpoint(workspace, a, stage, journey, "A");
        events.touchpoint(workspace, b, stage, journey, "B");
        events.touchpoint(workspace, c, stage, journey, "C");
    }

    @Test
    void aJourneyShowsItsPooledScoresBesideTheMeanOfItsTouchpoints() throws Exception {
        // A: NPS 10,10,10,0 → 3P 1D n4 = 50; CSAT 5,5,4,1 → 3/4 = 75 %; CES 7,6,5 → 6.0
        respond(a, nps(10), csat(5), ces(7));
        respond(a, nps(10), csat(5), ces(6));
        respond(a, nps(10), csat(4), ces(5));
        respond(a, nps(0), csat(1));
        // B: NPS 9,7,6 → 1P 1D n3 = 0; CSAT 5,2,1 → 1/3 = 33.33 %; CES 1,2 → n2 < minN, not in the mean
        respond(b, nps(9), csat(5), ces(1));
        respond(b, nps(7), csat(2), ces(2));
        respond(b, nps(6), csat(1));
        // C: NPS 10,9 → n2 < minN: pooled into the journey, left out of the mean
        respond(c, nps(10));
        respond(c, nps(9));
        // journey-level survey: NPS 0,0,0 → only in the journey's (and the workspace's) pooled score
        for (int i = 0; i < 3; i++) {
            events.submit(workspace, new ResponseSubmitted(UUID.randomUUID(), UUID.randomUUID(), null, Instant.now(), "en",
                    null, "Email", List.of(nps(0)), journey, null));
        }

        JsonNode summary = await().atMost(BOUND).pollInterval(Duration.ofMillis(100))
                .until(() -> api.summary(viewer, workspace.workspaceId(), ""),
                        body -> body.get("workspace").get("responses").asLong() == 12);
        JsonNode row = find(summary.get("journeys"), "journeyId", journey);

        // pooled: NPS n = 4+3+2+3 = 12, P = 3+1+2 = 6, D = 1+1+3 = 5 → 100·1/12 = 8.3
        assertThat(row.get("responses").asLong()).isEqualTo(12);
        assertThat(row.get("nps").get("n").asLong()).isEqualTo(12);
        assertThat(row.get("nps").get("value").asDouble()).isEqualTo(8.3);
        // CSAT 4 satisfied of 7 = 57.1 %; CES (7+6+5+1+2)/5 = 4.2
        assertThat(row.get("csat").get("value").asDouble()).isEqualTo(57.1);
        assertThat(row.get("ces").get("value").asDouble()).isEqualTo(4.2);

        JsonNode mean = row.get("touchpointMean");
        // NPS (50 + 0) / 2 = 25 over A and B; C has too few answers
        assertThat(mean.get("nps").get("value").asDouble()).isEqualTo(25.0);
        assertThat(mean.get("nps").get("touchpoints").asInt()).isEqualTo(2);
        // CSAT (75 + 33.33) / 2 = 54.17
        assertThat(mean.get("csat").get("value").asDouble()).isEqualTo(54.2);
        assertThat(mean.get("csat").get("touchpoints").asInt()).isEqualTo(2);
        // CES: only A has enough (6.0)
        assertThat(mean.get("ces").get("value").asDouble()).isEqualTo(6.0);
        assertThat(mean.get("ces").get("touchpoints").asInt()).isEqualTo(1);

        // the stage pools only its touchpoints: NPS n 9, P 6, D 2 → 44.4
        JsonNode stageRow = find(summary.get("stages"), "stageId", stage);
        assertThat(stageRow.get("nps").get("n").asLong()).isEqualTo(9);
        assertThat(stageRow.get("nps").get("value").asDouble()).isEqualTo(44.4);
        // the workspace pools everything
        assertThat(summary.get("workspace").get("nps").get("n").asLong()).isEqualTo(12);
        assertThat(summary.get("workspace").get("nps").get("value").asDouble()).isEqualTo(8.3);

        JsonNode silent = find(summary.get("journeys"), "journeyId", quiet).get("touchpointMean");
        assertThat(silent.get("nps").get("value").isNull()).isTrue();
        assertThat(silent.get("nps").get("touchpoints").asInt()).isZero();

        // a journey's time series is the same pool as its summary score
        JsonNode series = api.timeseries(viewer, workspace.workspaceId(), "metric=nps&interval=month&journeyId=" + journey);
        JsonNode last = series.get("points").get(series.get("points").size() - 1);
        assertThat(last.get("n").asLong()).isEqualTo(12);
        assertThat(last.get("value").asDouble()).isEqualTo(8.3);
    }

    private void respond(UUID touchpoint, Answer... answers) {
        events.submit(workspace, CxEvents.submitted(touchpoint, Instant.now(), null, answers));
    }
}
