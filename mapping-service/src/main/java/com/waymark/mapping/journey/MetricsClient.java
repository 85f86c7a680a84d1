package com.waymark.mapping.journey;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Reads observed scores from metrics-service for the live map, as the caller (their token is passed
 * on, so metrics-service applies its own access checks). Short timeouts: a slow or absent metrics
 * service must not hold up the map, which then loads without its live parts.
 */
@Component
class MetricsClient {

    /**
     * @param url            base URL of metrics-service
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for the answer
     */
    @ConfigurationProperties("waymark.metrics")
    record Properties(@DefaultValue("http://127.0.0.1:8084") String url, @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout) {
    }

    private static final Logger log = LoggerFactory.getLogger(MetricsClient.class);

    private final RestClient client;

    MetricsClient(Properties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.client = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
    }

    /** The journey's summary from metrics-service, or empty when it cannot be had right now. */
    Optional<JsonNode> journeySummary(UUID workspaceId, UUID journeyId, @Nullable LocalDate from, @Nullable LocalDate to,
            String authorization) {
        try {
            return Optional.ofNullable(client.get()
                    .uri(uri -> withPeriod(uri.path("/api/workspaces/{workspaceId}/metrics/summary")
                            .queryParam("journeyId", journeyId), from, to).build(workspaceId))
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve()
                    .body(JsonNode.class));
        } catch (RestClientException e) {
            log.warn("Live scores unavailable for journey {}: {}", journeyId, e.getMessage());
            return Optional.empty();
        }
    }

    private static UriBuilder withPeriod(UriBuilder uri, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri;
    }
}
