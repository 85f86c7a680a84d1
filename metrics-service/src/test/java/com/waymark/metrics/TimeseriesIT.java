package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.ces;
import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;

/** Time series per day, week and month, with the significance of each change. */
class TimeseriesIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(20);


    Tenancy.Workspace workspace;
    String editor;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    UUID journey = UUID.randomUUID();
    UUID stage = UUID.randomUUID();
    UUID touchpoint = UUID.randomUUID();
    UUID elsewhere = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        Tenancy tenancy = new Tenancy(access);
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        events.journey(workspace, journey, "Get support");
        events.stage(workspace, stage, journey, "Support", 1);
        events.touchpoint(workspace, touchpoint, stage, journey, "Online chat");
    }

    @Test
    void dailyNpsPointsCarryNIntervalAndTheSignificanceOfEachChange() throws Exception {
        // day −3: 5 promoters (not enough); −2: 30 detractors; −1: 30 promoters; today: 30 promoters
        answerNps(today.minusDays(3), touchpoint, 10, 5);
        answerNps(today.minusDays(2), touchpoint, 0, 30);
        answerNps(today.minusDays(1), touchpoint, 10, 30);
        answerNps(today, touchpoint, 9, 30);
        answerNps(today, elsewhere, 0, 3);
        String query = "metric=nps&interval=day&from=" + today.minusDays(4) + "&to=" + today + "&touchpointId=" + touchpoint;
        awaitSeries(query, 98);

        JsonNode series = api.timeseries(editor, workspace.workspaceId(), query);

        assertThat(series.get("metric").asString()).isEqualTo("nps");
        assertThat(series.get("interval").asString()).isEqualTo("day");
        JsonNode points = series.get("points");
        assertThat(points.findValuesAsString("start")).containsExactly(today.minusDays(4).toString(),
                today.minusDays(3).toString(), today.minusDays(2).toString(), today.minusDays(1).toString(), today.toString());
        // no answers: no value
        assertThat(points.get(0).get("n").asLong()).isZero();
        assertThat(points.get(0).get("value").isNull()).isTrue();
        // 5 promoters: n' = 8, p' = 5.75/8, d' = 0.75/8, Var = (0.8125 − 0.625²)/8 = 0.0527344,
        // 100·(0.625 ± 1.96·0.229640) = [17.491, 107.509] → [17.5, 100]; not enough, so no significance
        assertPoint(points.get(1), 100.0, 5, 17.5, 100.0, false, false);
        // 30 detractors: [−100, −78.7]; the previous point has too few answers to compare with
        assertPoint(points.get(2), -100.0, 30, -100.0, -78.7, true, false);
        // 30 promoters after 30 detractors: |Δ| = 2 > 1.96·√(2·0.0038818) = 0.1727 → significant
        assertPoint(points.get(3), 100.0, 30, 78.7, 100.0, true, true);
        // the same again: Δ = 0 → not significant
        assertPoint(points.get(4), 100.0, 30, 78.7, 100.0, true, false);

        JsonNode journeySeries = api.timeseries(editor, workspace.workspaceId(),
                "metric=nps&interval=day&from=" + today + "&to=" + today + "&journeyId=" + journey);
        JsonNode workspaceSeries = api.timeseries(editor, workspace.workspaceId(),
                "metric=nps&interval=day&from=" + today + "&to=" + today);
        assertThat(journeySeries.get("points").get(0).get("n").asLong()).isEqualTo(30);
        // P = 30, D = 3, n = 33 → 81.8
        assertThat(workspaceSeries.get("points").get(0).get("n").asLong()).isEqualTo(33);
        assertThat(workspaceSeries.get("points").get(0).get("value").asDouble()).isEqualTo(81.8);
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() throws Exception {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = monday.minusDays(1);
        answerNps(monday, touchpoint, 10, 2);
        answerNps(lastWeek, touchpoint, 0, 1);
        String weekly = "metric=nps&interval=week&from=" + lastWeek + "&to=" + monday;
        awaitSeries(weekly, 3);

        JsonNode weeks = api.timeseries(editor, workspace.workspaceId(), weekly).get("points");
        JsonNode months = api.timeseries(editor, workspace.workspaceId(),
                "metric=nps&interval=month&from=" + lastWeek + "&to=" + monday).get("points");

        assertThat(weeks.findValuesAsString("start")).containsExactly(monday.minusWeeks(1).toString(), monday.toString());
        assertThat(weeks.findValues("n").stream().map(JsonNode::asLong)).containsExactly(1L, 2L);
        List<String> monthStarts = new ArrayList<>();
        for (LocalDate month = lastWeek.withDayOfMonth(1); !month.isAfter(monday); month = month.plusMonths(1)) {
            monthStarts.add(month.toString());
        }
        assertThat(months.findValuesAsString("start")).containsExactlyElementsOf(monthStarts);
        assertThat(months.findValues("n").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
    }

    @Test
    void csatAndCesSeriesUseTheirOwnFormulas() throws Exception {
        for (int score : new int[] {5, 5, 4, 4, 4, 3, 2, 1, 5, 4}) {
            events.response(workspace, touchpoint, SummaryIT.noon(today), null, csat(score));
        }
        for (int score : new int[] {7, 6, 5, 5, 4, 3, 7, 2, 5, 6}) {
            events.response(workspace, touchpoint, SummaryIT.noon(today), null, ces(score), nps(8));
        }
        String day = "&interval=day&from=" + today + "&to=" + today;
        awaitSeries("metric=ces" + day, 10);

        JsonNode csatPoint = api.timeseries(editor, workspace.workspaceId(), "metric=csat" + day).get("points").get(0);
        JsonNode cesPoint = api.timeseries(editor, workspace.workspaceId(), "metric=ces" + day).get("points").get(0);

        // 7 of 10 satisfied → 70%, Wilson [39.677, 89.221]
        assertPoint(csatPoint, 70.0, 10, 39.7, 89.2, false, false);
        // mean 5.0, s = 1.632993, 1.96·s/√10 = 1.012140 → [3.988, 6.012]
        assertPoint(cesPoint, 5.0, 10, 4.0, 6.0, false, false);
    }

    @Test
    void badParametersAreRejectedNamingTheField() throws Exception {
        assertBadRequest("interval=day", "metric");
        assertBadRequest("metric=effort", "metric");
        assertBadRequest("metric=nps&interval=year", "interval");
        assertBadRequest("metric=nps&touchpointId=" + touchpoint + "&journeyId=" + journey, "journeyId");
        assertBadRequest("metric=nps&from=2026-03-01&to=2026-02-01", "from");
        assertBadRequest("metric=nps&interval=day&from=2000-01-01&to=2026-01-01", "interval");
        assertBadRequest("metric=nps&touchpointId=nope", "touchpointId");
    }

    @Test
    void unknownTouchpointsAndJourneysAreNotFound() throws Exception {
        MvcResult touchpointResult = api.call(editor, path(), "metric=nps&touchpointId=" + UUID.randomUUID());
        MvcResult journeyResult = api.call(editor, path(), "metric=nps&journeyId=" + UUID.randomUUID());

        assertThat(touchpointResult.getResponse().getStatus()).isEqualTo(404);
        assertThat(journeyResult.getResponse().getStatus()).isEqualTo(404);
    }

    private void answerNps(LocalDate day, UUID at, int score, int times) {
        for (int i = 0; i < times; i++) {
            events.response(workspace, at, SummaryIT.noon(day), null, nps(score));
        }
    }

    private void awaitSeries(String query, long answers) {
        String whole = query.replaceAll("&(touchpointId|journeyId)=[^&]*", "");
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode points = api.timeseries(editor, workspace.workspaceId(), whole).get("points");
            return points.findValues("n").stream().mapToLong(JsonNode::asLong).sum() == answers;
        });
    }

    private void assertBadRequest(String query, String field) throws Exception {
        MvcResult result = api.call(editor, path(), query);
        assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
        assertThat(api.body(result).get("errors").get(0).get("field").asString()).as(query).isEqualTo(field);
    }

    private String path() {
        return "/api/workspaces/" + workspace.workspaceId() + "/metrics/timeseries";
    }

    static void assertPoint(JsonNode point, double value, long n, double ciLow, double ciHigh, boolean enough,
            boolean changeSignificant) {
        assertThat(point.get("value").asDouble()).as("value of %s", point).isEqualTo(value);
        assertThat(point.get("n").asLong()).as("n of %s", point).isEqualTo(n);
        assertThat(point.get("ciLow").asDouble()).as("ciLow of %s", point).isEqualTo(ciLow);
        assertThat(point.get("ciHigh").asDouble()).as("ciHigh of %s", point).isEqualTo(ciHigh);
        assertThat(point.get("enough").asBoolean()).as("enough of %s", point).isEqualTo(enough);
        assertThat(point.get("changeSignificant").asBoolean()).as("changeSignificant of %s", point)
                .isEqualTo(changeSignificant);
    }
}
