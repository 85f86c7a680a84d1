package com.waymark.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on its own, in front of a stand-in service that records what reaches it. Keycloak is
 * not needed: sessions and tokens come from Spring Security's test support (the real login is
 * covered by the end-to-end suite).
 */
@SpringBootTest
class GatewayEdgeTest {

    record Seen(String method, String path, String authorization, String cookie) {
    }

    static final List<Seen> seen = new CopyOnWriteArrayList<>();
    static final HttpServer downstream = startDownstream();

    /** Stands in for Keycloak's signature check: one known script token, everything else invalid. */
    @TestConfiguration
    static class KnownTokens {
        @Bean
        @Primary
        ReactiveJwtDecoder knownTokenDecoder() {
            return token -> "script-token".equals(token)
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("script-user")
                            .claim("aud", List.of("waymark-api")).build())
                    : Mono.error(new BadJwtException("unknown token"));
        }
    }

    @Autowired
    ApplicationContext context;

    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + downstream.getAddress().getPort();
        for (String service : List.of("tenant", "mapping", "feedback", "metrics")) {
            registry.add("waymark.services." + service, () -> url);
        }
        registry.add("waymark.keycloak.issuer-uri", () -> "http://localhost:1/realms/waymark");
    }

    @BeforeEach
    void setUp() {
        seen.clear();
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @AfterAll
    static void stopDownstream() {
        downstream.stop(0);
    }

    @Test
    void anApiCallWithoutSessionOrTokenIsUnauthorizedProblemJsonNotARedirect() {
        client.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://waymark.dev/problems/unauthorized");
        assertThat(seen).isEmpty();
    }

    @Test
    void theWebAppIsServedOnItsRoutesWithStrictSecurityHeaders() {
        for (String path : List.of("/", "/w/3f1c/journeys/9a", "/admin/tenants", "/agency/members", "/invite/abc123")) {
            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueMatches("Content-Security-Policy", ".*frame-ancestors 'none'.*")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                    .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"root\">"));
        }
    }

    @Test
    void anythingThatIsNeitherApiNorWebAppIsNotFound() {
        client.get().uri("/internal/admin").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }

    @Test
    void loginStartsTheCodeFlowWithPkceAtKeycloak() {
        client.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("http://localhost:1/realms/waymark/protocol/openid-connect/auth?")
                        .contains("response_type=code", "client_id=waymark-gateway", "code_challenge=",
                                "code_challenge_method=S256"));
    }

    @Test
    void aSignedInBrowserCallIsRelayedWithItsAccessTokenAndWithoutTheSessionCookie() {
        client.mutateWith(mockOidcLogin()).get().uri("/api/workspaces/abc/journeys")
                .cookie("SESSION", "secret-session").exchange()
                .expectStatus().isOk();
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/workspaces/abc/journeys");
            assertThat(request.authorization()).isEqualTo("Bearer access-token");
            assertThat(request.cookie()).isNull();
        });
    }

    @Test
    void aBrowserWriteNeedsTheCsrfToken() {
        client.mutateWith(mockOidcLogin()).post().uri("/api/workspaces/abc/journeys")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        assertThat(seen).isEmpty();
        client.mutateWith(mockOidcLogin()).mutateWith(csrf()).post().uri("/api/workspaces/abc/journeys")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(seen).hasSize(1);
    }

    @Test
    void aScriptWithABearerTokenWritesWithoutCsrfAndItsTokenIsPassedOn() {
        client.post().uri("/api/workspaces/abc/surveys").header(HttpHeaders.AUTHORIZATION, "Bearer script-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/workspaces/abc/surveys");
            assertThat(request.authorization()).isEqualTo("Bearer script-token");
        });
    }

    @Test
    void anInvalidBearerTokenIsUnauthorized() {
        client.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer forged").exchange()
                .expectStatus().isUnauthorized();
        assertThat(seen).isEmpty();
    }

    @Test
    void publicSurveyEndpointsNeedNoLogin() {
        client.post().uri("/public/api/surveys/tok123/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isOk();
        assertThat(seen).singleElement().satisfies(request -> assertThat(request.authorization()).isNull());
    }

    private static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Cookie")));
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
