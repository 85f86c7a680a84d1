package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every operation every service documents is reachable through the gateway: generated from the
 * services' own OpenAPI, so an endpoint added without a gateway route fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRoutesE2ETest {

    static final List<String> SERVICES = List.of("tenant-service", "mapping-service", "feedback-service", "metrics-service");
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @BeforeAll
    void startPlatform() throws Exception {
        Stack.shared();
    }

    @Test
    void everyDocumentedApiOperationIsRoutedToItsService() {
        String token = Keycloak.passwordToken("admin", System.getenv().getOrDefault("WAYMARK_DEMO_PASSWORD", "demo"));
        List<String> unrouted = new ArrayList<>();
        int checked = 0;
        for (String service : SERVICES) {
            Http.Response docs = Http.get(Stack.GATEWAY + "/openapi/" + service, null);
            assertThat(docs.status()).as("OpenAPI of %s through the gateway: %s", service, docs).isEqualTo(200);
            for (Map.Entry<String, JsonNode> path : docs.body().path("paths").properties()) {
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (String method : path.getValue().propertyNames()) {
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    String url = Stack.GATEWAY + path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    Http.Response response = Http.request(method.toUpperCase(), url, token, "{}");
                    checked++;
                    // the gateway's own 404 (no route) is plain JSON; every service answers problem+json
                    if (response.status() == 404 && !response.body().has("type")) {
                        unrouted.add(method.toUpperCase() + " " + path.getKey() + " (" + service + ")");
                    }
                }
            }
        }
        assertThat(checked).as("operations checked").isGreaterThan(50);
        assertThat(unrouted).as("documented operations the gateway does not route").isEmpty();
    }
}
