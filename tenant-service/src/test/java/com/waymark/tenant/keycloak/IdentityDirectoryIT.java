package com.waymark.tenant.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.http.HttpStatus;
import com.waymark.platform.error.ProblemTypes;
import com.waymark.tenant.support.KeycloakTestServer;

/** Keycloak failures reach clients as upstream-unavailable problems that say nothing about Keycloak. */
class IdentityDirectoryIT {

    @Test
    void anUnreachableKeycloakIsServiceUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UpstreamUnavailableException failure;
        try (Keycloak keycloak = adminClient("http://127.0.0.1:" + closedPort, "waymark-tenant-service-secret")) {
            IdentityDirectory directory = new IdentityDirectory(keycloak, "waymark");
            failure = catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> directory.createOrganization("Unreachable", "unreachable", UUID.randomUUID()));
        }

        assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failure.type()).isEqualTo(ProblemTypes.UPSTREAM_UNAVAILABLE);
        assertThat(failure.getMessage()).doesNotContain("127.0.0.1").doesNotContain(Integer.toString(closedPort));
    }

    @Test
    void aKeycloakThatRefusesTheServiceAccountIsBadGateway() {
        UpstreamUnavailableException failure;
        try (Keycloak keycloak = adminClient(KeycloakTestServer.url(), "not-the-secret")) {
            IdentityDirectory directory = new IdentityDirectory(keycloak, "waymark");
            failure = catchThrowableOfType(UpstreamUnavailableException.class,
                    () -> directory.createOrganization("Refused", "refused", UUID.randomUUID()));
        }

        assertThat(failure.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(failure.getMessage()).doesNotContainIgnoringCase("keycloak").doesNotContain("401");
    }

    /** Built exactly as the service builds its own, with the given server and secret. */
    private static Keycloak adminClient(String serverUrl, String secret) {
        return new KeycloakConfiguration().keycloakAdmin(new KeycloakProperties(serverUrl, "waymark",
                "waymark-tenant-service", secret, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }
}
