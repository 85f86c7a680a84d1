package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton through the gateway, every part real: Keycloak, PostgreSQL, RabbitMQ, the
 * four services, the gateway and the web app in headless Chromium. Each step builds on the last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonE2ETest {

    static final String API = Stack.GATEWAY + "/api";
    static final String JOURNEY_NAME = "Order online, collect in store";

    Stack stack;

    String adminToken;
    String tenantId;
    String agencyAdminToken;
    String workspaceId;
    String editorUsername = "cleo";
    String editorPassword = "Cleo-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    String editorToken;
    String journeyId;
    String stageId;
    String touchpointId;
    String surveyId;
    String surveyToken;

    @BeforeAll
    void startPlatform() throws Exception {
        stack = Stack.shared();
    }

    @Test
    @Order(1)
    void platformAdminCreatesAnAgencyWithItsKeycloakOrganizationAndAdmin() throws Exception {
        adminToken = Keycloak.passwordToken("admin", System.getenv().getOrDefault("WAYMARK_DEMO_PASSWORD", "demo"));

        Http.Response created = Http.post(API + "/admin/tenants", adminToken, Map.of("name", "Acme Experience", "slug", "acme-e2e",
                "plan", "growth", "adminEmail", "ada@acme-e2e.example", "adminName", "Ada Admin", "adminUsername", "ada"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        tenantId = created.body().get("id").asString();
        String temporaryPassword = created.body().at("/admin/temporaryPassword").asString();
        assertThat(temporaryPassword).isNotBlank();

        // the new agency admin signs in for the first time and must replace the temporary password
        String newPassword = "Ada-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode login = Browser.login("ada", temporaryPassword, newPassword, "", stack.logs().resolve("ada-login.png"));
        assertThat(login.path("passwordUpdated").asBoolean()).isTrue();
        agencyAdminToken = Keycloak.passwordToken("ada", newPassword);
    }

    @Test
    @Order(2)
    void agencyAdminCreatesAWorkspaceAndAClientEditor() {
        Http.Response workspace = Http.post(API + "/tenants/" + tenantId + "/workspaces", agencyAdminToken,
                Map.of("name", "Contoso Outdoor", "slug", "contoso-outdoor", "industry", "Retail"));
        assertThat(workspace.status()).as(workspace.toString()).isEqualTo(201);
        workspaceId = workspace.body().get("id").asString();

        Http.Response member = Http.post(API + "/workspaces/" + workspaceId + "/members", agencyAdminToken,
                Map.of("email", "cleo@contoso-outdoor.example", "name", "Cleo Editor", "username", editorUsername,
                        "role", "client-editor"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String temporaryPassword = member.body().get("temporaryPassword").asString();
        assertThat(temporaryPassword).isNotBlank();
        editorTemporaryPassword = temporaryPassword;
    }

    String editorTemporaryPassword;

    @Test
    @Order(3)
    void clientEditorLogsInInABrowserWithTokensKeptServerSide() throws Exception {
        JsonNode login = Browser.login(editorUsername, editorTemporaryPassword, editorPassword, "",
                stack.logs().resolve("cleo-first-login.png"));

        assertThat(login.path("loginPage").asString()).startsWith(Stack.KEYCLOAK + "/realms/waymark/");
        assertThat(login.path("url").asString()).startsWith(Stack.GATEWAY);
        assertThat(login.path("sessionCookie").path("httpOnly").asBoolean()).isTrue();
        assertThat(login.path("sessionRotated").asBoolean()).as("session id changes at login").isTrue();
        assertThat(login.path("cookiesVisibleToScript").asString()).doesNotContain("SESSION").doesNotContain("eyJ");
        assertThat(login.path("storage").asString()).doesNotContain("eyJ");

        editorToken = Keycloak.passwordToken(editorUsername, editorPassword);
        Http.Response me = Http.get(API + "/me", editorToken);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().get("workspaces").get(0).get("id").asString()).isEqualTo(workspaceId);
        assertThat(me.body().get("workspaces").get(0).get("role").asString()).isEqualTo("client-editor");
    }

    @Test
    @Order(4)
    void clientEditorMapsAJourneyWithAStageAndATouchpoint() {
        // the workspace's standard channels arrive with the workspace.created event
        JsonNode channels = await().atMost(Duration.ofSeconds(15)).until(
                () -> Http.get(API + "/workspaces/" + workspaceId + "/channels", editorToken),
                response -> response.status() == 200 && response.body().get("items").size() >= 6).body();
        String online = null;
        for (JsonNode channel : channels.get("items")) {
            if ("Online".equals(channel.get("name").asString())) {
                online = channel.get("id").asString();
            }
        }
        assertThat(online).isNotNull();

        Http.Response journey = Http.post(API + "/workspaces/" + workspaceId + "/journeys", editorToken,
                Map.of("name", JOURNEY_NAME, "state", "current", "ownerName", "Cleo Editor"));
        assertThat(journey.status()).as(journey.toString()).isEqualTo(201);
        journeyId = journey.body().get("id").asString();
        Http.Response stage = Http.post(API + "/workspaces/" + workspaceId + "/journeys/" + journeyId + "/stages", editorToken,
                Map.of("name", "Purchase"));
        assertThat(stage.status()).as(stage.toString()).isEqualTo(201);
        stageId = stage.body().get("id").asString();
        Http.Response touchpoint = Http.post(API + "/workspaces/" + workspaceId + "/journeys/" + journeyId + "/stages/" + stageId
                + "/touchpoints", editorToken, Map.of("name", "Checkout page", "channelId", online, "expectedEmotion", 1));
        assertThat(touchpoint.status()).as(touchpoint.toString()).isEqualTo(201);
        touchpointId = touchpoint.body().get("id").asString();

        Http.Response map = Http.get(API + "/workspaces/" + workspaceId + "/journeys/" + journeyId, editorToken);
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.body().at("/stages/0/touchpoints/0/name").asString()).isEqualTo("Checkout page");
    }

    @Test
    @Order(5)
    void clientEditorPublishesAnNpsSurveyForTheTouchpoint() {
        Map<String, Object> survey = Map.of("name", "Checkout NPS", "touchpointId", touchpointId, "languages", List.of("en"),
                "questions", List.of(Map.of("id", "nps", "kind", "nps", "required", true,
                        "text", Map.of("en", "How likely are you to recommend Contoso Outdoor?"))),
                "thankYou", Map.of("en", "Thank you!"));
        // feedback-service learns the touchpoint from mapping's event; it may take a moment
        Http.Response created = await().atMost(Duration.ofSeconds(15)).until(
                () -> Http.post(API + "/workspaces/" + workspaceId + "/surveys", editorToken, survey),
                response -> response.status() != 404);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        surveyId = created.body().get("id").asString();

        Http.Response published = Http.post(API + "/workspaces/" + workspaceId + "/surveys/" + surveyId + "/publish",
                editorToken, "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        surveyToken = published.body().get("token").asString();
        assertThat(published.body().get("link").asString()).endsWith("/public/s/" + surveyToken);
    }

    @Test
    @Order(6)
    void anAnonymousRespondentAnswersAndTheNpsShowsWithItsConfidenceInterval() {
        Http.Response definition = Http.get(Stack.GATEWAY + "/public/api/surveys/" + surveyToken, null);
        assertThat(definition.status()).as(definition.toString()).isEqualTo(200);
        assertThat(definition.raw()).doesNotContain(workspaceId).doesNotContain(tenantId).doesNotContain(touchpointId);

        long submitted = System.nanoTime();
        Http.Response answer = Http.post(Stack.GATEWAY + "/public/api/surveys/" + surveyToken + "/responses", null,
                Map.of("submissionId", UUID.randomUUID().toString(), "answers", List.of(Map.of("questionId", "nps", "value", 10)),
                        "lang", "en"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);

        JsonNode nps = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(
                () -> touchpointNps(editorToken), node -> node != null && node.path("n").asInt() == 1);
        long millis = (System.nanoTime() - submitted) / 1_000_000;
        System.out.println("[e2e] answer visible in metrics after " + millis + " ms");

        // one promoter: NPS 100; adjusted Wald n'=4, p'=0.4375, d'=0.1875 → 25 ± 73.5
        assertThat(nps.get("value").asDouble()).isEqualTo(100.0);
        assertThat(nps.get("ciLow").asDouble()).isCloseTo(-48.5, org.assertj.core.data.Offset.offset(0.051));
        assertThat(nps.get("ciHigh").asDouble()).isCloseTo(98.5, org.assertj.core.data.Offset.offset(0.051));
        assertThat(nps.get("enough").asBoolean()).isFalse();
    }

    @Test
    @Order(7)
    void theClientEditorSeesTheJourneyAndItsNpsInTheWebApp() throws Exception {
        JsonNode page = Browser.login(editorUsername, editorPassword, "", JOURNEY_NAME, stack.logs().resolve("cleo-dashboard.png"));
        assertThat(page.path("text").asString()).contains(JOURNEY_NAME).contains("NPS");
    }

    @Test
    @Order(8)
    void usersOfAnotherWorkspaceAndOfAnotherAgencyGetNotFoundForEveryId() {
        // a client editor of a second workspace of the same agency
        Http.Response otherWorkspace = Http.post(API + "/tenants/" + tenantId + "/workspaces", agencyAdminToken,
                Map.of("name", "Fabrikam Travel", "slug", "fabrikam-travel"));
        assertThat(otherWorkspace.status()).as(otherWorkspace.toString()).isEqualTo(201);
        String neighbourToken = userWithPassword(Http.post(API + "/workspaces/" + otherWorkspace.body().get("id").asString()
                + "/members", agencyAdminToken, Map.of("email", "nick@fabrikam.example", "name", "Nick Neighbour",
                        "username", "nick", "role", "client-editor")), "nick");
        // the admin of another agency
        Http.Response rivalAgency = Http.post(API + "/admin/tenants", adminToken, Map.of("name", "Globex", "slug", "globex-e2e",
                "plan", "starter", "adminEmail", "rita@globex-e2e.example", "adminName", "Rita Rival", "adminUsername", "rita"));
        assertThat(rivalAgency.status()).as(rivalAgency.toString()).isEqualTo(201);
        String rivalToken = userWithPassword(rivalAgency.body().get("admin"), "rita");

        String ws = API + "/workspaces/" + workspaceId;
        List<String> reads = List.of(ws + "/journeys", ws + "/journeys/" + journeyId, ws + "/channels", ws + "/surveys",
                ws + "/surveys/" + surveyId, ws + "/responses", ws + "/metrics/summary", ws + "/members",
                API + "/tenants/" + tenantId + "/workspaces", API + "/tenants/" + tenantId + "/members");
        List<String> failures = new ArrayList<>();
        for (String token : List.of(neighbourToken, rivalToken)) {
            for (String url : reads) {
                if (url.contains("/tenants/") && token.equals(neighbourToken)) {
                    continue; // a client of the same agency is checked on workspace ids only
                }
                Http.Response response = Http.get(url, token);
                if (response.status() != 404) {
                    failures.add("GET " + url + " → " + response);
                }
            }
            Http.Response stage = Http.post(ws + "/journeys/" + journeyId + "/stages", token, Map.of("name", "Sneaky"));
            if (stage.status() != 404) {
                failures.add("POST stage → " + stage);
            }
            Http.Response survey = Http.post(ws + "/surveys", token, Map.of("name", "Sneaky", "languages", List.of("en"),
                    "questions", List.of(Map.of("id", "nps", "kind", "nps", "required", true, "text", Map.of("en", "?")))));
            if (survey.status() != 404) {
                failures.add("POST survey → " + survey);
            }
        }
        assertThat(failures).isEmpty();
        // and their own lists show none of it
        Http.Response rivalMe = Http.get(API + "/me", rivalToken);
        assertThat(rivalMe.raw()).doesNotContain(workspaceId);
    }

    @Test
    @Order(9)
    void aSuspendedAgencyIsRefusedEverywhereUntilReactivated() {
        Http.Response suspended = Http.patch(API + "/admin/tenants/" + tenantId, adminToken, Map.of("status", "suspended"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

        String ws = API + "/workspaces/" + workspaceId;
        List<String> refused = List.of(ws + "/journeys", ws + "/surveys", ws + "/metrics/summary", ws + "/members");
        // every service learns it from the tenant.tenant.updated event, within moments
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String url : refused) {
                Http.Response response = Http.get(url, editorToken);
                assertThat(response.status()).as("GET %s → %s", url, response).isEqualTo(403);
                assertThat(response.body().path("type").asString()).endsWith("/tenant-suspended");
            }
            Http.Response answer = Http.post(Stack.GATEWAY + "/public/api/surveys/" + surveyToken + "/responses", null,
                    Map.of("submissionId", UUID.randomUUID().toString(), "answers", List.of(Map.of("questionId", "nps", "value", 3))));
            assertThat(answer.status()).as("survey link of a suspended agency: %s", answer).isEqualTo(403);
        });

        Http.Response reactivated = Http.patch(API + "/admin/tenants/" + tenantId, adminToken, Map.of("status", "active"));
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String url : refused) {
                assertThat(Http.get(url, editorToken).status()).as("GET %s after reactivation", url).isEqualTo(200);
            }
        });
    }

    @Test
    @Order(10)
    void aDeletedAgencyIsPurgedFromEveryServiceAndFromKeycloak() throws Exception {
        assertThat(Databases.rowsOfTenant(UUID.fromString(tenantId))).as("the agency has data before").isNotEmpty();

        Http.Response deletion = Http.delete(API + "/admin/tenants/" + tenantId, adminToken);
        assertThat(deletion.status()).as(deletion.toString()).isEqualTo(202);

        JsonNode status = await().atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(API + "/admin/tenants/" + tenantId + "/deletion", adminToken).body(),
                body -> body.path("complete").asBoolean(false));
        assertThat(status.path("services")).hasSize(4);

        Map<String, Long> left = Databases.rowsOfTenant(UUID.fromString(tenantId));
        // only deletion bookkeeping may remain: ids and timestamps, no content
        left.keySet().removeIf(table -> table.endsWith(".outbox") || table.contains("audit") || table.contains("deletion"));
        assertThat(left).as("rows of the deleted agency left behind").isEmpty();
        assertThat(Databases.outboxTypesOfTenant(UUID.fromString(tenantId)))
                .allSatisfy(type -> assertThat(type).matches("tenant\\.tenant\\.deleted|.*\\.purge\\.completed"));

        // its people can no longer sign in, and its organization is gone
        Http.Response login = Http.form(Stack.KEYCLOAK + "/realms/waymark/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "waymark-cli", "username", editorUsername, "password", editorPassword));
        assertThat(login.status()).isEqualTo(401);
        assertThat(Keycloak.organizationsNamed("Acme Experience")).isZero();
        // and the other agency is untouched
        assertThat(Http.get(API + "/admin/tenants", adminToken).raw()).contains("globex-e2e").doesNotContain("acme-e2e\"");
    }

    private String userWithPassword(Http.Response created, String username) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return userWithPassword(created.body(), username);
    }

    private String userWithPassword(JsonNode user, String username) {
        String password = username + "-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Keycloak.setPassword(user.get("userId").asString(), password);
        return Keycloak.passwordToken(username, password);
    }

    private JsonNode touchpointNps(String token) {
        Http.Response summary = Http.get(API + "/workspaces/" + workspaceId + "/metrics/summary", token);
        if (summary.status() != 200) {
            return null;
        }
        for (JsonNode touchpoint : summary.body().path("touchpoints")) {
            if (touchpointId.equals(touchpoint.path("touchpointId").asString())) {
                return touchpoint.get("nps");
            }
        }
        return null;
    }
}
