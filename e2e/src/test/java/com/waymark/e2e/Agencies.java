package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

/**
 * Set-up for the browser suites that are about something else than provisioning: an agency with one client
 * workspace and one client member, made through the API (the provisioning itself is proven through the web app
 * by {@link AgencyLifecycleWebE2ETest}).
 */
final class Agencies {

    static final String API = Stack.GATEWAY + "/api";

    /** @param memberTemporaryPassword the client member's one-time password (Keycloak asks them to replace it) */
    record ClientWorkspace(String tenantId, String agencyAdminToken, String workspaceId, String memberUsername,
            String memberTemporaryPassword) {
    }

    private Agencies() {
    }

    static ClientWorkspace withClientMember(String slug, String clientRole) {
        String adminToken = Keycloak.passwordToken("admin", System.getenv().getOrDefault("WAYMARK_DEMO_PASSWORD", "demo"));
        String agencyAdmin = slug + "-admin";
        Http.Response tenant = Http.post(API + "/admin/tenants", adminToken, Map.of("name", "Agency " + slug, "slug", slug,
                "plan", "growth", "adminEmail", agencyAdmin + "@example.com", "adminName", "Admin " + slug,
                "adminUsername", agencyAdmin));
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        String agencyPassword = "Pw-" + slug + "-agency";
        Keycloak.setPassword(tenant.body().at("/admin/userId").asString(), agencyPassword);
        String agencyToken = Keycloak.passwordToken(agencyAdmin, agencyPassword);
        String tenantId = tenant.body().get("id").asString();

        Http.Response workspace = Http.post(API + "/tenants/" + tenantId + "/workspaces", agencyToken,
                Map.of("name", "Client " + slug, "slug", slug + "-client"));
        assertThat(workspace.status()).as(workspace.toString()).isEqualTo(201);
        String workspaceId = workspace.body().get("id").asString();

        String member = slug + "-member";
        Http.Response added = Http.post(API + "/workspaces/" + workspaceId + "/members", agencyToken,
                Map.of("email", member + "@client.example", "name", "Member " + slug, "username", member, "role", clientRole));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        // the other services learn about the workspace and its channels from events
        await().atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(API + "/workspaces/" + workspaceId + "/channels", agencyToken),
                response -> response.status() == 200 && response.body().get("items").size() >= 6);
        return new ClientWorkspace(tenantId, agencyToken, workspaceId, member, added.body().get("temporaryPassword").asString());
    }
}
