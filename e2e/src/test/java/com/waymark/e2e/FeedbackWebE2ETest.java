package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Feedback in headless Chromium: a two-language survey built and published in the builder, answered on the
 * public page in the second language and through the widget on a shop page of another origin
 * ({@code http://127.0.0.1:<port>} — not the gateway's {@code localhost:18080}), both listed for the editor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackWebE2ETest {

    Stack stack;
    HttpServer shop;

    @BeforeAll
    void start() throws Exception {
        stack = Stack.shared();
        // a client's website: it embeds whatever snippet the publish dialog gave (test-only page)
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/checkout", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String snippet = query == null ? "" : URLDecoder.decode(query.replaceFirst("^snippet=", ""), StandardCharsets.UTF_8);
            byte[] page = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bike shop</title></head>"
                    + "<body><h1>Thank you for your order</h1>" + snippet + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        shop.start();
    }

    @AfterAll
    void stop() {
        shop.stop(0);
    }

    @Test
    void aTwoLanguageSurveyIsAnsweredOnItsPageAndThroughTheWidgetOfAnotherOriginAndBothAreListed() throws Exception {
        String slug = "fb-" + Long.toString(System.currentTimeMillis(), 36);
        Agencies.ClientWorkspace client = Agencies.withClientMember(slug, "client-editor");
        Path shots = Files.createDirectories(stack.logs().resolve("feedback"));
        String shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
        String shopUrl = shopOrigin + "/checkout";

        JsonNode run = Browser.run("survey-flow.mjs", Duration.ofMinutes(6), client.memberUsername(),
                client.memberTemporaryPassword(), "Pw-" + slug + "-editor", client.workspaceId(), shopUrl, shots.toString());

        assertThat(run.get("link").asString()).startsWith(Stack.GATEWAY + "/public/s/");
        assertThat(run.get("snippet").asString()).contains("/public/widget.js");
        assertThat(run.get("qrIsImage").asBoolean()).as("the publish dialog shows a QR code").isTrue();
        assertThat(run.get("rows").asInt()).as("responses listed for the editor").isEqualTo(2);

        Http.Response listed = Http.get(Agencies.API + "/workspaces/" + client.workspaceId() + "/responses",
                client.agencyAdminToken());
        List<String> answers = new ArrayList<>();
        for (JsonNode response : listed.body().get("items")) {
            answers.add(response.path("lang").asString() + " " + response.at("/answers/0/value").asString() + " "
                    + (response.path("url").asString("").startsWith(shopOrigin) ? "widget" : "page"));
        }
        assertThat(answers).as(listed.toString()).containsExactlyInAnyOrder("lt 9 page", "en 3 widget");
    }
}
