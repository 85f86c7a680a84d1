package com.waymark.gateway.edge;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import com.waymark.gateway.GatewayProperties;
import com.waymark.gateway.security.ProblemResponses;

/**
 * Cheap protection before anything else runs: request bodies are size-capped (413; anonymous survey
 * endpoints far lower than the API), and anonymous writes and login attempts are limited per client
 * address in fixed windows (429 with Retry-After). In-memory, which is right for one gateway
 * instance; several instances would share a Redis-backed limiter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class EdgeLimits implements WebFilter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final GatewayProperties.PublicLimits limits;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    EdgeLimits(GatewayProperties properties, Clock clock) {
        this.limits = properties.publicLimits();
        this.clock = clock;
    }

    private record Window(long start, int count) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean anonymous = path.startsWith("/public/");
        long length = exchange.getRequest().getHeaders().getContentLength();
        long maxBody = anonymous ? limits.maxBodyBytes() : limits.maxApiBodyBytes();
        if (length > maxBody) {
            return ProblemResponses.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "too-large",
                    "Request too large", "This endpoint accepts at most " + maxBody + " bytes");
        }
        if (anonymous && !HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return limited(exchange, chain, "public", limits.requestsPerMinute());
        }
        if (path.startsWith("/oauth2/authorization/") || path.startsWith("/login/")) {
            return limited(exchange, chain, "login", limits.loginsPerMinute());
        }
        return chain.filter(exchange);
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain, String bucket, int perWindow) {
        long now = clock.millis();
        long windowMillis = limits.window().toMillis();
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.entrySet().removeIf(entry -> now - entry.getValue().start() >= windowMillis);
        }
        Window window = windows.compute(bucket + "|" + clientOf(exchange),
                (key, current) -> current == null || now - current.start() >= windowMillis
                        ? new Window(now, 1) : new Window(current.start(), current.count() + 1));
        if (window.count() > perWindow) {
            long retryAfter = Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
            return ProblemResponses.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "Please wait " + retryAfter + " seconds and try again");
        }
        return chain.filter(exchange);
    }

    private static String clientOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
