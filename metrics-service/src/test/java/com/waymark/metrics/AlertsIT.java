package com.waymark.metrics;

import static com.waymark.metrics.CxEvents.csat;
import static com.waymark.metrics.CxEvents.nps;
import static com.waymark.metrics.CxEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.metrics.alert.AlertEvaluator;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

/** Alert rules through the API, their evaluation after answers arrive, and the alerts they raise. */
class AlertsIT extends MetricsIntegrationTest {

    static final Duration BOUND = Duration.ofSeconds(15);

    @Autowired
    AmqpAdmin amqp;
    @Autowired
    AlertEvaluator evaluator;

    Tenancy.Workspace workspace;
    String editor;
    String viewer;
    UUID journey = UUID.randomUUID();
    UUID stage = UUID.randomUUID();
    UUID checkout = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);
        events.journey(workspace, journey, "Buy online");
        events.stage(workspace, stage, journey, "Purchase", 1);
        events.touchpoint(workspace, checkout, stage, journey, "Checkout");
        await().atMost(BOUND).until(() -> status(get(rules(workspace)), viewer) == 200);
    }

    // --- rules: CRUD, validation, roles -----------------------------------------------------------

    @Test
    void aRuleGetsDefaultsAndCanBeReadReplacedAndDeleted() throws Exception {
        MvcResult created = call(post(rules(workspace)), editor, """
                {"metric": "nps", "scope": {"type": "workspace"}, "condition": {"type": "below", "threshold": 20}}""");

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode rule = body(created);
        String ruleId = rule.get("ruleId").asString();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/alert-rules/" + ruleId);
        assertThat(rule.get("window").asInt()).isEqualTo(7);
        assertThat(rule.get("minN").asInt()).isEqualTo(30);
        assertThat(rule.get("enabled").asBoolean()).isTrue();
        assertThat(rule.get("scope").get("id").isNull()).isTrue();
        assertThat(rule.get("condition").get("threshold").asDouble()).isEqualTo(20.0);

        JsonNode read = body(call(get(rules(workspace) + "/" + ruleId), viewer, null));
        assertThat(read).isEqualTo(rule);
        assertThat(body(call(get(rules(workspace)), viewer, null)).get("items").findValuesAsString("ruleId"))
                .containsExactly(ruleId);

        MvcResult replaced = call(put(rules(workspace) + "/" + ruleId), editor, """
                {"metric": "csat", "scope": {"type": "touchpoint", "id": "%s"},
                 "condition": {"type": "drop", "threshold": 10}, "window": 14, "minN": 50, "enabled": false}"""
                .formatted(checkout));
        assertThat(replaced.getResponse().getStatus()).isEqualTo(200);
        JsonNode after = body(replaced);
        assertThat(after.get("metric").asString()).isEqualTo("csat");
        assertThat(after.get("scope").get("type").asString()).isEqualTo("touchpoint");
        assertThat(after.get("scope").get("id").asString()).isEqualTo(checkout.toString());
        assertThat(after.get("condition").get("type").asString()).isEqualTo("drop");
        assertThat(after.get("window").asInt()).isEqualTo(14);
        assertThat(after.get("minN").asInt()).isEqualTo(50);
        assertThat(after.get("enabled").asBoolean()).isFalse();
        assertThat(after.get("createdAt")).isEqualTo(rule.get("createdAt"));

        assertThat(call(delete(rules(workspace) + "/" + ruleId), editor, null).getResponse().getStatus()).isEqualTo(204);
        assertThat(status(get(rules(workspace) + "/" + ruleId), viewer)).isEqualTo(404);
        assertThat(call(delete(rules(workspace) + "/" + ruleId), editor, null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void badInputIsABadRequestNamingEveryFieldAndWritesNothing() throws Exception {
        JsonNode problem = body(expect(400, call(post(rules(workspace)), editor, """
                {"metric": "loyalty", "scope": {"type": "planet"}, "condition": {"type": "above"},
                 "window": 0, "minN": 0}""")));
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("metric", "scope.type", "condition.type", "condition.threshold", "window", "minN");

        assertThat(fields(call(post(rules(workspace)), editor, """
                {"metric": "nps", "scope": {"type": "workspace", "id": "%s"},
                 "condition": {"type": "below", "threshold": 150}}""".formatted(checkout))))
                .containsExactlyInAnyOrder("scope.id", "condition.threshold");
        assertThat(fields(call(post(rules(workspace)), editor, """
                {"metric": "ces", "scope": {"type": "touchpoint"}, "condition": {"type": "drop", "threshold": 0}}""")))
                .containsExactlyInAnyOrder("scope.id", "condition.threshold");
        assertThat(fields(call(post(rules(workspace)), editor, """
                {"metric": "csat", "scope": {"type": "workspace"}, "condition": {"type": "below", "threshold": 50},
                 "window": "a week"}"""))).containsExactly("window");
        assertThat(fields(call(post(rules(workspace)), editor, "{}")))
                .contains("metric", "scope.type", "condition.type", "condition.threshold");

        assertThat(body(call(get(rules(workspace)), viewer, null)).get("items").size()).isZero();
    }

    @Test
    void aScopeIdOfAnotherWorkspaceIsNotFoundAndWritesNothing() throws Exception {
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());
        UUID siblingTouchpoint = UUID.randomUUID();
        events.touchpoint(sibling, siblingTouchpoint, UUID.randomUUID(), UUID.randomUUID(), "Theirs");
        UUID siblingJourney = UUID.randomUUID();
        events.journey(sibling, siblingJourney, "Theirs");

        assertThat(call(post(rules(workspace)), editor, rule("nps", "touchpoint", siblingTouchpoint, "below", 0))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(call(post(rules(workspace)), editor, rule("nps", "journey", siblingJourney, "below", 0))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(call(post(rules(workspace)), editor, rule("nps", "stage", UUID.randomUUID(), "below", 0))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(body(call(get(rules(workspace)), viewer, null)).get("items").size()).isZero();
        // a scope of this workspace is accepted at every level
        assertThat(call(post(rules(workspace)), editor, rule("nps", "journey", journey, "below", 0)).getResponse()
                .getStatus()).isEqualTo(201);
        assertThat(call(post(rules(workspace)), editor, rule("nps", "stage", stage, "below", 0)).getResponse()
                .getStatus()).isEqualTo(201);
    }

    @Test
    void aViewerReadsButCannotWrite() throws Exception {
        String ruleId = createRule(rule("nps", "workspace", null, "below", 0)).get("ruleId").asString();
        UUID alertId = raiseAlert();

        assertThat(status(get(rules(workspace)), viewer)).isEqualTo(200);
        assertThat(status(get(alerts(workspace)), viewer)).isEqualTo(200);
        assertThat(call(post(rules(workspace)), viewer, rule("nps", "workspace", null, "below", 0)).getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(call(put(rules(workspace) + "/" + ruleId), viewer, rule("nps", "workspace", null, "below", 5))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(status(delete(rules(workspace) + "/" + ruleId), viewer)).isEqualTo(403);
        assertThat(status(post(alerts(workspace) + "/" + alertId + "/acknowledge"), viewer)).isEqualTo(403);
        assertThat(body(call(get(alerts(workspace) + "/" + alertId), viewer, null)).get("status").asString())
                .isEqualTo("open");
    }

    @Test
    void outsidersGetNotFoundForEveryEndpointAndIdAndListsStayWithinTheWorkspace() throws Exception {
        String ruleId = createRule(rule("nps", "workspace", null, "below", 0)).get("ruleId").asString();
        UUID alertId = raiseAlert();
        Tenancy.Workspace sibling = tenancy.workspaceIn(workspace.tenantId());
        Tenancy.Workspace foreign = tenancy.newWorkspace();
        String siblingAdmin = tenancy.member(sibling, Role.CLIENT_ADMIN);
        List<String> outsiders = List.of(siblingAdmin, tenancy.member(foreign, Role.AGENCY_ADMIN),
                tenancy.member(foreign, Role.CLIENT_VIEWER));
        String body = rule("nps", "workspace", null, "below", 0);

        for (String outsider : outsiders) {
            List<MockHttpServletRequestBuilder> requests = new ArrayList<>(List.of(get(rules(workspace)),
                    get(rules(workspace) + "/" + ruleId), delete(rules(workspace) + "/" + ruleId),
                    get(alerts(workspace)), get(alerts(workspace) + "?status=open"), get(alerts(workspace) + "/" + alertId),
                    post(alerts(workspace) + "/" + alertId + "/acknowledge")));
            for (MockHttpServletRequestBuilder request : requests) {
                assertThat(status(request, outsider)).as("%s", outsider).isEqualTo(404);
            }
            assertThat(call(post(rules(workspace)), outsider, body).getResponse().getStatus()).isEqualTo(404);
            assertThat(call(put(rules(workspace) + "/" + ruleId), outsider, body).getResponse().getStatus()).isEqualTo(404);
        }
        // my ids are unknown in the sibling, and its lists hold none of my rows
        assertThat(status(get(rules(sibling) + "/" + ruleId), siblingAdmin)).isEqualTo(404);
        assertThat(status(get(alerts(sibling) + "/" + alertId), siblingAdmin)).isEqualTo(404);
        assertThat(status(post(alerts(sibling) + "/" + alertId + "/acknowledge"), siblingAdmin)).isEqualTo(404);
        assertThat(status(delete(rules(sibling) + "/" + ruleId), siblingAdmin)).isEqualTo(404);
        assertThat(body(call(get(rules(sibling)), siblingAdmin, null)).get("items").size()).isZero();
        assertThat(body(call(get(alerts(sibling)), siblingAdmin, null)).get("items").size()).isZero();
        // and nothing was changed
        assertThat(body(call(get(alerts(workspace) + "/" + alertId), viewer, null)).get("status").asString())
                .isEqualTo("open");
        assertThat(status(get(rules(workspace) + "/" + ruleId), viewer)).isEqualTo(200);
    }

    // --- evaluation -------------------------------------------------------------------------------

    @Test
    void aRuleFiresOnlyWithEnoughAnswersAndPublishesAlertRaised() throws Exception {
        String alertQueue = listenForAlerts();
        JsonNode rule = createRule("""
                {"metric": "nps", "scope": {"type": "workspace"}, "condition": {"type": "below", "threshold": 0},
                 "minN": 5}""");
        events.npsResponses(workspace, checkout, 0, 0, 3, 10);
        awaitAnswers(4);

        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        assertThat(body(call(get(alerts(workspace)), viewer, null)).get("items").size()).isZero();

        events.npsResponses(workspace, checkout, 6);
        // the debounced evaluator runs after the answer is applied; no direct call needed
        JsonNode alert = awaitOpenAlerts(1).get(0);
        assertThat(alert.get("ruleId").asString()).isEqualTo(rule.get("ruleId").asString());
        assertThat(alert.get("status").asString()).isEqualTo("open");
        assertThat(alert.get("metric").asString()).isEqualTo("nps");
        // P = 1, D = 4, n = 5 → −60
        assertThat(alert.get("value").asDouble()).isEqualTo(-60.0);
        assertThat(alert.get("n").asLong()).isEqualTo(5);
        assertThat(alert.get("reason").asString()).contains("NPS", "-60.0", "below 0");

        JsonNode event = receiveAlert(alertQueue, alert.get("alertId").asString());
        assertThat(event.get("type").asString()).isEqualTo(EventTypes.ALERT_RAISED);
        assertThat(event.get("workspaceId").asString()).isEqualTo(workspace.workspaceId().toString());
        assertThat(event.get("data").get("ruleId").asString()).isEqualTo(rule.get("ruleId").asString());
        assertThat(event.get("data").get("scopeType").asString()).isEqualTo("workspace");
        assertThat(event.get("data").get("value").asDouble()).isEqualTo(-60.0);
        assertThat(event.get("data").get("n").asInt()).isEqualTo(5);
    }

    @Test
    void aRuleHasAtMostOneOpenAlertAndAnAcknowledgedOneIsNotRaisedAgainWhileItStillHolds() throws Exception {
        createRule(rule("nps", "workspace", null, "below", 0).replace("}}", "}, \"minN\": 2}"));
        events.npsResponses(workspace, checkout, 0, 0);
        awaitOpenAlerts(1);
        for (int i = 0; i < 3; i++) {
            evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        }
        events.npsResponses(workspace, checkout, 1);
        awaitAnswers(3);
        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        JsonNode open = awaitOpenAlerts(1);
        String alertId = open.get(0).get("alertId").asString();

        MvcResult acknowledged = call(post(alerts(workspace) + "/" + alertId + "/acknowledge"), editor, null);
        assertThat(acknowledged.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(acknowledged).get("status").asString()).isEqualTo("acknowledged");
        assertThat(body(acknowledged).get("acknowledgedBy").asString()).isEqualTo(editor);
        assertThat(body(acknowledged).get("acknowledgedAt").isNull()).isFalse();
        // acknowledging again changes nothing
        assertThat(body(call(post(alerts(workspace) + "/" + alertId + "/acknowledge"), editor, null))
                .get("acknowledgedAt")).isEqualTo(body(acknowledged).get("acknowledgedAt"));

        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        assertThat(body(call(get(alerts(workspace) + "?status=open"), viewer, null)).get("items").size()).isZero();
        assertThat(body(call(get(alerts(workspace) + "?status=acknowledged"), viewer, null)).get("items")
                .findValuesAsString("alertId")).containsExactly(alertId);

        // once it clears (NPS back to 0 or above) and breaks again, it raises a new alert
        events.npsResponses(workspace, checkout, 10, 10, 10, 10);
        awaitAnswers(7);
        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        events.npsResponses(workspace, checkout, 0, 0, 0, 0, 0, 0);
        awaitAnswers(13);
        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        assertThat(awaitOpenAlerts(1).get(0).get("alertId").asString()).isNotEqualTo(alertId);
        assertThat(body(call(get(alerts(workspace)), viewer, null)).get("items").size()).isEqualTo(2);
        assertThat(status(get(alerts(workspace) + "?status=closed"), viewer)).isEqualTo(400);
    }

    @Test
    void aDropRuleComparesWithThePreviousWindowAndNeedsEnoughAnswersInBoth() throws Exception {
        createRule("""
                {"metric": "nps", "scope": {"type": "touchpoint", "id": "%s"}, "condition": {"type": "drop", "threshold": 50},
                 "window": 7, "minN": 3}""".formatted(checkout));
        Instant lastWeek = Instant.now().minus(Duration.ofDays(9));
        events.submit(workspace, submitted(checkout, lastWeek, null, nps(10)));
        events.submit(workspace, submitted(checkout, lastWeek, null, nps(10)));
        events.npsResponses(workspace, checkout, 0, 0, 0);
        events.npsResponses(workspace, null, 0, 0, 0); // outside the scope
        awaitAnswers(8);

        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        assertThat(body(call(get(alerts(workspace)), viewer, null)).get("items").size())
                .as("only 2 answers in the previous window").isZero();

        events.submit(workspace, submitted(checkout, lastWeek, null, nps(9)));
        awaitAnswers(9);
        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());

        JsonNode alert = awaitOpenAlerts(1).get(0);
        // from 100 (n = 3) to −100 (n = 3): a drop of 200 points
        assertThat(alert.get("value").asDouble()).isEqualTo(-100.0);
        assertThat(alert.get("previousValue").asDouble()).isEqualTo(100.0);
        assertThat(alert.get("scope").get("id").asString()).isEqualTo(checkout.toString());
        assertThat(alert.get("reason").asString()).contains("fell 200.0 points");
    }

    @Test
    void aJourneyRulePoolsItsTouchpointsAndADisabledRuleNeverFires() throws Exception {
        createRule("""
                {"metric": "csat", "scope": {"type": "journey", "id": "%s"}, "condition": {"type": "below", "threshold": 50},
                 "minN": 2, "enabled": false}""".formatted(journey));
        for (int score : new int[] {1, 2, 5}) {
            events.response(workspace, checkout, Instant.now(), null, csat(score));
        }
        awaitAnswers(3);
        evaluator.evaluate(workspace.tenantId(), workspace.workspaceId());
        assertThat(body(call(get(alerts(workspace)), viewer, null)).get("items").size()).isZero();

        createRule("""
                {"metric": "csat", "scope": {"type": "journey", "id": "%s"}, "condition": {"type": "below", "threshold": 50},
                 "minN": 2}""".formatted(journey));
        // CSAT 1 of 3 → 33.3%
        assertThat(awaitOpenAlerts(1).get(0).get("value").asDouble()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private UUID raiseAlert() throws Exception {
        events.npsResponses(workspace, checkout, 0);
        createRule(rule("nps", "workspace", null, "below", 0).replace("}}", "}, \"minN\": 1}"));
        return UUID.fromString(awaitOpenAlerts(1).get(0).get("alertId").asString());
    }

    private JsonNode createRule(String body) throws Exception {
        return body(expect(201, call(post(rules(workspace)), editor, body)));
    }

    private static String rule(String metric, String scopeType, UUID scopeId, String condition, double threshold) {
        return """
                {"metric": "%s", "scope": {"type": "%s"%s}, "condition": {"type": "%s", "threshold": %s}}"""
                .formatted(metric, scopeType, scopeId == null ? "" : ", \"id\": \"" + scopeId + "\"", condition, threshold);
    }

    private JsonNode awaitOpenAlerts(int count) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = body(call(get(alerts(workspace) + "?status=open"), viewer, null)).get("items");
            return last[0].size() == count;
        });
        return last[0];
    }

    private void awaitAnswers(long responses) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> body(call(
                get("/api/workspaces/" + workspace.workspaceId() + "/metrics/summary?from=" + java.time.LocalDate.now(
                        java.time.ZoneOffset.UTC).minusDays(30)), viewer, null)).get("workspace").get("responses").asLong()
                == responses);
    }

    private String listenForAlerts() {
        Queue queue = new Queue("test.alerts." + UUID.randomUUID(), false, false, true);
        amqp.declareQueue(queue);
        amqp.declareBinding(new Binding(queue.getName(), Binding.DestinationType.QUEUE, "cx.events",
                EventTypes.ALERT_RAISED, null));
        return queue.getName();
    }

    private JsonNode receiveAlert(String queue, String alertId) {
        long deadline = System.currentTimeMillis() + BOUND.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Message message = rabbit.receive(queue, 1000);
            if (message != null) {
                JsonNode event = json.readTree(message.getBody());
                if (alertId.equals(event.get("data").get("alertId").asString())) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + EventTypes.ALERT_RAISED + " for alert " + alertId);
    }

    private static String rules(Tenancy.Workspace target) {
        return "/api/workspaces/" + target.workspaceId() + "/alert-rules";
    }

    private static String alerts(Tenancy.Workspace target) {
        return "/api/workspaces/" + target.workspaceId() + "/alerts";
    }

    private MvcResult call(MockHttpServletRequestBuilder request, String user, String body) throws Exception {
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(TestUsers.as(user))).andReturn();
    }

    private int status(MockHttpServletRequestBuilder request, String user) throws Exception {
        return call(request, user, null).getResponse().getStatus();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static MvcResult expect(int status, MvcResult result) throws Exception {
        if (result.getResponse().getStatus() != status) {
            throw new AssertionError("expected " + status + " but got " + result.getResponse().getStatus() + ": "
                    + result.getResponse().getContentAsString());
        }
        return result;
    }

    private List<String> fields(MvcResult result) throws Exception {
        return body(expect(400, result)).get("errors").findValuesAsString("field");
    }
}
