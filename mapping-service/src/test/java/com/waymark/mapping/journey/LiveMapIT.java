package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;

/** The live map against a stand-in metrics-service that answers what the test tells it to. */
class LiveMapIT extends MappingIntegrationTest {

    static final AtomicReference<String> summary = new AtomicReference<>();
    static final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    static final HttpServer metrics = start();

    @DynamicPropertySource
    static void metricsUrl(DynamicPropertyRegistry registry) {
        registry.add("waymark.metrics.url", () -> "http://127.0.0.1:" + metrics.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        metrics.stop(0);
    }


    Maps maps;
    String editor;
    Tenancy.Workspace workspace;

    @BeforeEach
    void setUp() {
        Tenancy tenancy = new Tenancy(access);
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        maps = new Maps(api, workspace, editor);
    }

    @Test
    void theLiveMapPutsObservedScoresAndEmotionBesideTheExpectedOnes() throws Exception {
        UUID channel = maps.channel("Web " + UUID.randomUUID());
        UUID journey = maps.journey("Open an account");
        UUID stage = maps.stage(journey, "Onboarding");
        UUID happy = maps.touchpoint(journey, stage, "Welcome email", channel);
        UUID unhappy = maps.touchpoint(journey, stage, "Identity check", channel);
        UUID quiet = maps.touchpoint(journey, stage, "Card delivery", channel);
        summary.set("""
                {"from":"2026-09-01","to":"2026-11-30",
                 "stages":[{"stageId":"%s","nps":{"value":12.0,"n":80,"ciLow":-3.1,"ciHigh":27.0,"enough":true},"responses":80}],
                 "touchpoints":[
                   {"touchpointId":"%s","nps":{"value":61.5,"n":40,"ciLow":40.2,"ciHigh":75.0,"enough":true},"responses":40},
                   {"touchpointId":"%s","nps":{"value":-55.0,"n":40,"ciLow":-70.0,"ciHigh":-35.0,"enough":true},"responses":40},
                   {"touchpointId":"%s","nps":{"value":100.0,"n":2,"ciLow":-20.0,"ciHigh":99.0,"enough":false},"responses":2}]}
                """.formatted(stage, happy, unhappy, quiet));

        api.get(editor, "/api/workspaces/{ws}/journeys/{j}/live?from=2026-09-01&to=2026-11-30", maps.ws(), journey)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.journey.name").value("Open an account"))
                .andExpect(jsonPath("$.live.available").value(true))
                .andExpect(jsonPath("$.stages[0].observedEmotion").value(0))
                .andExpect(jsonPath("$.stages[0].nps.n").value(80))
                .andExpect(jsonPath("$.touchpoints[0].expectedEmotion").value(1))
                .andExpect(jsonPath("$.touchpoints[0].observedEmotion").value(2))
                .andExpect(jsonPath("$.touchpoints[1].observedEmotion").value(-2))
                .andExpect(jsonPath("$.touchpoints[2].observedEmotion").doesNotExist())
                .andExpect(jsonPath("$.touchpoints[2].nps.enough").value(false));
        assertThat(seenAuthorization.get()).startsWith("Bearer ");
    }

    @Test
    void whenMetricsCannotAnswerTheMapStillLoadsWithoutItsLiveParts() throws Exception {
        UUID journey = maps.journey("Renew a loan");
        summary.set(null); // the stand-in answers 503

        api.get(editor, "/api/workspaces/{ws}/journeys/{j}/live", maps.ws(), journey)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.journey.name").value("Renew a loan"))
                .andExpect(jsonPath("$.live.available").value(false))
                .andExpect(jsonPath("$.touchpoints").isEmpty());
    }

    @Test
    void anotherWorkspacesMemberGetsNotFound() throws Exception {
        UUID journey = maps.journey("Private journey");
        Tenancy tenancy = new Tenancy(access);
        String stranger = tenancy.member(tenancy.newWorkspace(), Role.AGENCY_ADMIN);

        api.get(stranger, "/api/workspaces/{ws}/journeys/{j}/live", maps.ws(), journey).andExpect(status().isNotFound());
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRejected() throws Exception {
        UUID journey = maps.journey("Backwards");
        api.get(editor, "/api/workspaces/{ws}/journeys/{j}/live?from=2026-11-01&to=2026-10-01", maps.ws(), journey)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                String body = summary.get();
                byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
