package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Tokens from the realm, as a script gets them with the demo realm's {@code waymark-cli} client. */
final class Keycloak {

    private Keycloak() {
    }

    static String passwordToken(String username, String password) {
        Http.Response response = Http.form(Stack.KEYCLOAK + "/realms/waymark/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "waymark-cli", "username", username, "password", password,
                "scope", "openid"));
        assertThat(response.status()).as("token for %s: %s", username, response).isEqualTo(200);
        return response.body().get("access_token").asString();
    }

    /**
     * Sets a user's password as an administrator would, for the extra users of the isolation checks;
     * the slice's own users set theirs through the real login page instead.
     */
    static void setPassword(String userId, String password) {
        String token = masterAdminToken();
        Http.Response reset = Http.put(Stack.KEYCLOAK + "/admin/realms/waymark/users/" + userId + "/reset-password", token,
                Map.of("type", "password", "value", password, "temporary", false));
        assertThat(reset.status()).as("reset password: %s", reset).isEqualTo(204);
        Http.Response clear = Http.put(Stack.KEYCLOAK + "/admin/realms/waymark/users/" + userId, token,
                Map.of("requiredActions", new String[0]));
        assertThat(clear.status()).as("clear required actions: %s", clear).isEqualTo(204);
    }

    static int organizationsNamed(String name) {
        Http.Response found = Http.get(Stack.KEYCLOAK + "/admin/realms/waymark/organizations?exact=true&search="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), masterAdminToken());
        assertThat(found.status()).as("organizations: %s", found).isEqualTo(200);
        return found.body().size();
    }

    private static String masterAdminToken() {
        Http.Response admin = Http.form(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        assertThat(admin.status()).as("master admin token: %s", admin).isEqualTo(200);
        return admin.body().get("access_token").asString();
    }
}
