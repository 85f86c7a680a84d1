package com.waymark.tenant.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** What the tests check in Keycloak, through the admin client. */
public final class KeycloakProbe {

    private final Keycloak keycloak;

    public KeycloakProbe(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    public RealmResource realm() {
        return keycloak.realm("waymark");
    }

    public Optional<OrganizationRepresentation> organizationOf(UUID tenantId) {
        List<OrganizationRepresentation> found = realm().organizations().searchByAttribute("tenantId:" + tenantId);
        return found.stream().findFirst();
    }

    public Optional<OrganizationRepresentation> organizationWithAlias(String alias) {
        return allOrganizations().stream().filter(org -> alias.equals(org.getAlias())).findFirst();
    }

    public long organizationCount() {
        return allOrganizations().size();
    }

    /** The unparameterized list is paged by the server; ask for everything explicitly. */
    private List<OrganizationRepresentation> allOrganizations() {
        return realm().organizations().list(0, 100_000);
    }

    public List<String> memberIds(String organizationId) {
        return realm().organizations().get(organizationId).members().list(0, 100_000).stream().map(MemberRepresentation::getId)
                .toList();
    }

    public Optional<UserRepresentation> userWithEmail(String email) {
        return realm().users().searchByEmail(email, true).stream().findFirst();
    }

    public UserRepresentation user(String userId) {
        return realm().users().get(userId).toRepresentation();
    }

    public int userCount() {
        return realm().users().count();
    }

    /**
     * Tries a password grant with the demo realm's public CLI client and returns Keycloak's
     * {@code error_description} (or "ok"): "Account is not fully set up" proves the password is right
     * but must still be changed; "Invalid user credentials" that it is wrong.
     */
    public String passwordGrant(String username, String password) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "waymark-cli", "username", username, "password", password)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakTestServer.url() + "/realms/waymark/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            return "ok";
        }
        return response.body();
    }
}
