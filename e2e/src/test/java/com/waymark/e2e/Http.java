package com.waymark.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client, as an integration or a script would use the public API through the gateway. */
final class Http {

    record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {

        String header(String name) {
            return http.headers().firstValue(name).orElse("");
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static Response get(String url, @Nullable String token) {
        return send(request(url, token).GET().build());
    }

    static Response post(String url, @Nullable String token, Object body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    static Response form(String url, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    static Response put(String url, String token, Object body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    static Response patch(String url, String token, Object body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Any method; a JSON body for the methods that carry one. */
    static Response request(String method, String url, @Nullable String token, String jsonBody) {
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return send(request(url, token).header("Content-Type", "application/json")
                .method(method, withBody ? HttpRequest.BodyPublishers.ofString(jsonBody) : HttpRequest.BodyPublishers.noBody())
                .build());
    }

    static Response delete(String url, String token) {
        return send(request(url, token).DELETE().build());
    }

    private static HttpRequest.Builder request(String url, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() || !(raw.startsWith("{") || raw.startsWith("["))
                    ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), body, raw == null ? "" : raw, response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
