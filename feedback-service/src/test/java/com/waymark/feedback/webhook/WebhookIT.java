package com.waymark.feedback.webhook;

import static com.waymark.feedback.support.Fixtures.survey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestUsers;

/**
 * Webhooks end to end: a response submitted through the public API travels the event flow (outbox,
 * RabbitMQ, inbox) into a delivery, and the sender POSTs it, signed, to a real HTTP server started here.
 */
class WebhookIT extends FeedbackIntegrationTest {

    static final String WEBHOOKS = "/api/workspaces/{ws}/webhooks";
    static final String WEBHOOK = "/api/workspaces/{ws}/webhooks/{id}";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    Ws ws;
    String admin;
    String token;
    WebhookReceiver receiver;

    @BeforeEach
    void aSurveyAndAReceiver() throws Exception {
        ws = fx.workspace();
        admin = fx.member(ws, Role.CLIENT_ADMIN);
        token = fx.publish(ws, fx.createSurveyId(ws, survey("Checkout")));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    JsonNode register(String url) throws Exception {
        String created = mvc.perform(fx.jsonPost(WEBHOOKS, Map.of("url", url, "description", "CRM sync",
                        "events", List.of("response.created")), ws.id()).with(TestUsers.as(admin)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andReturn().getResponse().getContentAsString();
        return fx.read(created);
    }

    List<JsonNode> deliveries(String webhookId) throws Exception {
        String log = mvc.perform(get(WEBHOOK + "/deliveries", ws.id(), webhookId).with(TestUsers.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return fx.read(log).get("items").valueStream().toList();
    }

    static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNewResponseIsPostedToTheWebhookSignedWithTheSecretShownOnce() throws Exception {
        JsonNode webhook = register(receiver.url("/hooks/waymark"));
        String id = webhook.get("id").asString();
        String secret = webhook.get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        mvc.perform(get(WEBHOOK, ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.url").value(receiver.url("/hooks/waymark")))
                .andExpect(jsonPath("$.active").value(true));
        mvc.perform(get(WEBHOOKS, ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].secret").doesNotExist());
        String stored = TenantContextHolder.callAs(ws.context(),
                () -> jdbc.sql("select secret from webhook").query(String.class).single());
        assertThat(stored).doesNotContain(secret.substring(6));

        long before = Instant.now().getEpochSecond();
        UUID responseId = fx.respond(ws, token, "nps", 9, "comment", "Fast checkout");

        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.path()).isEqualTo("/hooks/waymark");
        assertThat(request.header("Waymark-Event")).isEqualTo("response.created");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        String signature = request.header("Waymark-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(Long.parseLong(t)).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(hmac(secret, t + "." + request.body()));
        assertThat(signature).doesNotContain(hmac("whsec_wrong", t + "." + request.body()));
        JsonNode body = fx.read(request.body());
        assertThat(body.get("type").asString()).isEqualTo("response.created");
        assertThat(body.get("workspaceId").asString()).isEqualTo(ws.id().toString());
        assertThat(body.get("data").get("responseId").asString()).isEqualTo(responseId.toString());
        assertThat(body.get("data").get("answers").get(0).get("score").asInt()).isEqualTo(9);
        assertThat(body.get("data").has("respondentKey")).isFalse();
        assertThat(request.body()).doesNotContain("Fast checkout");

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> log = deliveries(id);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
            assertThat(log.get(0).get("attempt").asInt()).isEqualTo(1);
            assertThat(log.get(0).get("httpStatus").asInt()).isEqualTo(204);
            assertThat(log.get(0).get("id").asString()).isEqualTo(request.header("Waymark-Delivery"));
            assertThat(log.get(0).get("eventId").asString()).isEqualTo(body.get("id").asString());
            assertThat(log.get(0).get("deliveredAt").isNull()).isFalse();
        });
    }

    @Test
    void anEndpointAnsweringServerErrorsIsRetriedUntilItTakesTheDelivery() throws Exception {
        receiver.answering(500, 503);
        String id = register(receiver.url("/flaky")).get("id").asString();

        fx.respond(ws, token, "nps", 4);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> log = deliveries(id);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
        });
        JsonNode delivery = deliveries(id).get(0);
        assertThat(delivery.get("attempt").asInt()).isEqualTo(3);
        assertThat(delivery.get("attempts").valueStream().map(attempt -> attempt.get("httpStatus").asInt()).toList())
                .containsExactly(500, 503, 204);
        assertThat(delivery.get("attempts").get(0).get("error").asString()).contains("500");
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        List<WebhookReceiver.Received> requests = receiver.received();
        assertThat(requests).hasSize(3);
        // every retry is the same delivery with the same body, signed afresh
        assertThat(requests).extracting(r -> r.header("Waymark-Delivery")).containsOnly(delivery.get("id").asString());
        assertThat(requests).extracting(WebhookReceiver.Received::body).containsOnly(requests.get(0).body());
        mvc.perform(get(WEBHOOK + "/deliveries?status=failed", ws.id(), id).with(TestUsers.as(admin)))
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void anEndpointThatKeepsFailingEndsFailedAfterTheLastAttempt() throws Exception {
        receiver.answering(500, 500, 500, 500, 500, 500, 500, 500, 500);
        String id = register(receiver.url("/down")).get("id").asString();

        fx.respond(ws, token, "nps", 2);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> log = deliveries(id);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asString()).isEqualTo("failed");
        });
        JsonNode delivery = deliveries(id).get(0);
        assertThat(delivery.get("attempt").asInt()).isEqualTo(8);
        assertThat(delivery.get("httpStatus").asInt()).isEqualTo(500);
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        assertThat(receiver.received()).hasSize(8);
        // attempts spread out: each wait at least half of the (growing) backoff
        List<Instant> times = delivery.get("attempts").valueStream().map(a -> Instant.parse(a.get("at").asString())).toList();
        assertThat(Duration.between(times.get(0), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anInactiveWebhookGetsNothingAndEditsHonourIfMatch() throws Exception {
        String id = register(receiver.url("/paused")).get("id").asString();
        mvc.perform(patch(WEBHOOK, ws.id(), id).with(TestUsers.as(admin)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false,\"secret\":\"mine\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.secret").doesNotExist());
        mvc.perform(patch(WEBHOOK, ws.id(), id).with(TestUsers.as(admin)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":true}"))
                .andExpect(status().isPreconditionFailed());
        // a second webhook, active, shows the event went through while the paused one got nothing
        String active = register(receiver.url("/active")).get("id").asString();

        fx.respond(ws, token, "nps", 7);

        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).path()).isEqualTo("/active");
        assertThat(deliveries(id)).isEmpty();
        assertThat(deliveries(active)).hasSize(1);

        mvc.perform(delete(WEBHOOK, ws.id(), id).with(TestUsers.as(admin))).andExpect(status().isNoContent());
        mvc.perform(get(WEBHOOK, ws.id(), id).with(TestUsers.as(admin))).andExpect(status().isNotFound());
    }

    @Test
    void badUrlsAndEventsAreRefusedAndPrivateNetworksAreOutOfReach() throws Exception {
        for (String url : List.of("ftp://files.example.com/x", "http://hooks.example.com/x", "https://10.1.2.3/hook",
                "https://169.254.169.254/latest/meta-data", "https://192.168.0.10/", "https://[fd00::1]/",
                "https://[::ffff:10.0.0.1]/", "https://user:pw@hooks.example.com/", "not a url", "")) {
            create(Map.of("url", url)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("url"));
        }
        create(Map.of("url", receiver.url("/x"), "events", List.of("response.deleted"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events[0]"));
        create(Map.of("url", receiver.url("/x"), "events", List.of())).andExpect(status().isBadRequest());
        mvc.perform(get(WEBHOOKS, ws.id()).with(TestUsers.as(admin))).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void onlyAdminsManageWebhooksAndTheSameIdempotencyKeyRegistersOne() throws Exception {
        mvc.perform(fx.jsonPost(WEBHOOKS, Map.of("url", receiver.url("/x")), ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(status().isForbidden());
        String first = mvc.perform(fx.jsonPost(WEBHOOKS, Map.of("url", receiver.url("/x")), ws.id())
                        .with(TestUsers.as(fx.member(ws, Role.AGENCY_STAFF))).header("Idempotency-Key", "w-1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.secret").isNotEmpty())
                .andExpect(jsonPath("$.events[0]").value("response.created"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(fx.jsonPost(WEBHOOKS, Map.of("url", receiver.url("/x")), ws.id()).with(TestUsers.as(admin))
                        .header("Idempotency-Key", "w-1"))
                .andExpect(jsonPath("$.id").value(fx.read(first).get("id").asString()))
                .andExpect(jsonPath("$.secret").doesNotExist());
        String id = fx.read(first).get("id").asString();
        mvc.perform(patch(WEBHOOK, ws.id(), id).with(TestUsers.as(ws.editor())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"active\":false}")).andExpect(status().isForbidden());
        mvc.perform(delete(WEBHOOK, ws.id(), id).with(TestUsers.as(ws.editor()))).andExpect(status().isForbidden());
        mvc.perform(get(WEBHOOKS, ws.id()).with(TestUsers.as(fx.member(ws, Role.CLIENT_VIEWER))))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void anotherWorkspacesWebhooksAreNotFound() throws Exception {
        String id = register(receiver.url("/home")).get("id").asString();
        Ws other = fx.workspace();
        String otherAdmin = fx.member(other, Role.CLIENT_ADMIN);
        String foreignAgencyAdmin = fx.member(fx.workspace(), Role.AGENCY_ADMIN);

        for (String stranger : List.of(otherAdmin, foreignAgencyAdmin)) {
            mvc.perform(get(WEBHOOK, ws.id(), id).with(TestUsers.as(stranger))).andExpect(status().isNotFound());
            mvc.perform(get(WEBHOOKS, ws.id()).with(TestUsers.as(stranger))).andExpect(status().isNotFound());
        }
        // through one's own workspace, the home webhook's id names nothing
        mvc.perform(get(WEBHOOK, other.id(), id).with(TestUsers.as(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get(WEBHOOK + "/deliveries", other.id(), id).with(TestUsers.as(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(patch(WEBHOOK, other.id(), id).with(TestUsers.as(otherAdmin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://evil.example.com/\"}")).andExpect(status().isNotFound());
        mvc.perform(delete(WEBHOOK, other.id(), id).with(TestUsers.as(otherAdmin))).andExpect(status().isNotFound());
        mvc.perform(get(WEBHOOKS, other.id()).with(TestUsers.as(otherAdmin))).andExpect(jsonPath("$.items", hasSize(0)));

        // the other workspace's responses do not reach the home webhook
        fx.respond(other, fx.publishedSurvey(other), "nps", 3);
        fx.respond(ws, token, "nps", 5);
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        assertThat(fx.read(receiver.received().get(0).body()).get("workspaceId").asString()).isEqualTo(ws.id().toString());
        mvc.perform(get(WEBHOOK, ws.id(), id).with(TestUsers.as(admin))).andExpect(jsonPath("$.url").value(receiver.url("/home")));
    }

    private ResultActions create(Map<String, Object> body) throws Exception {
        return mvc.perform(fx.jsonPost(WEBHOOKS, body, ws.id()).with(TestUsers.as(admin)));
    }
}
