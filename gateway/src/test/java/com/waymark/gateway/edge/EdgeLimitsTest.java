package com.waymark.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import com.waymark.gateway.GatewayProperties;

class EdgeLimitsTest {

    final AtomicInteger passed = new AtomicInteger();
    final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };
    final GatewayProperties properties = new GatewayProperties(null,
            new GatewayProperties.PublicLimits(1024, 4096, 3, 2, Duration.ofMinutes(1)));
    final EdgeLimits limits = new EdgeLimits(properties,
            Clock.fixed(Instant.parse("2026-11-23T10:00:30Z"), ZoneOffset.UTC));

    @Test
    void aBodyOverTheLimitIsRejectedBeforeItReachesTheService() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .post("/public/api/surveys/t/responses").contentLength(2048).remoteAddress(address("10.0.0.1")).build());

        limits.filter(exchange, chain).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(passed).hasValue(0);
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileOthersPass() {
        for (int i = 0; i < 3; i++) {
            limits.filter(post("10.0.0.2"), chain).block();
        }
        MockServerWebExchange fourth = post("10.0.0.2");
        limits.filter(fourth, chain).block();
        limits.filter(post("10.0.0.3"), chain).block();

        assertThat(fourth.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fourth.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(passed).hasValue(4);
    }

    @Test
    void apiBodiesHaveTheirOwnHigherCap() {
        MockServerWebExchange fits = MockServerWebExchange.from(MockServerHttpRequest.post("/api/workspaces/w/journeys")
                .contentLength(2048).remoteAddress(address("10.0.0.5")).build());
        MockServerWebExchange tooLarge = MockServerWebExchange.from(MockServerHttpRequest.post("/api/workspaces/w/journeys")
                .contentLength(8192).remoteAddress(address("10.0.0.5")).build());

        limits.filter(fits, chain).block();
        limits.filter(tooLarge, chain).block();

        assertThat(passed).hasValue(1);
        assertThat(tooLarge.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void repeatedLoginAttemptsFromOneAddressAreSlowedDown() {
        MockServerWebExchange last = null;
        for (int i = 0; i < 3; i++) {
            last = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak")
                    .remoteAddress(address("10.0.0.6")).build());
            limits.filter(last, chain).block();
        }
        assertThat(passed).hasValue(2);
        assertThat(last.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void otherPathsAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            limits.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/me").remoteAddress(address("10.0.0.4")).build()),
                    chain).block();
        }
        assertThat(passed).hasValue(10);
    }

    private static MockServerWebExchange post(String ip) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/public/api/surveys/t/responses")
                .remoteAddress(address(ip)).build());
    }

    private static InetSocketAddress address(String ip) {
        return new InetSocketAddress(ip, 40000);
    }
}
