package com.waymark.feedback.respondent;

import static com.waymark.feedback.support.Fixtures.submission;
import static com.waymark.feedback.support.Fixtures.survey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestUsers;

/**
 * The anonymous submission path under load and its guards: batched storing (group commit), rate limits
 * per survey and per client address, the responses-per-month quota, opt-in client details, and a cached
 * survey that still follows closing and suspension at once.
 */
class SubmissionIntakeIT extends FeedbackIntegrationTest {

    /** As in src/test/resources/config/application.yml. */
    static final int PER_SURVEY = 40;
    static final int PER_CLIENT = 400;

    Ws ws;
    UUID surveyId;
    String token;

    @BeforeEach
    void publishedSurvey() throws Exception {
        ws = fx.workspace();
        surveyId = fx.createSurveyId(ws, survey("Intake"));
        token = fx.publish(ws, surveyId);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    MockHttpServletRequestBuilder answer(String surveyToken, Map<String, Object> body) {
        return fx.jsonPost("/public/api/surveys/{token}/responses", body, surveyToken);
    }

    @Test
    void manySimultaneousSubmissionsAreEachStoredOnceWithOneEventEvenWhenRepeatedAtTheSameMoment() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(UUID.randomUUID());
        }
        // every submission id twice, all sent at once: repeats land in the same batch or the next one
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (UUID id : ids) {
            bodies.add(submission(id, "nps", 9));
            bodies.add(submission(id, "nps", 9));
        }
        ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                statuses.add(clients.submit(() -> mvc.perform(answer(token, body)).andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> answered : statuses) {
                assertThat(answered.get(30, TimeUnit.SECONDS)).isEqualTo(202);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(ids.size());
        assertThat(fx.eventsOf(ws)).isEqualTo(ids.size());
        assertThat(usedThisMonth(ws)).isEqualTo(ids.size());
    }

    @Test
    void aSurveyOverItsLimitAnswers429WithRetryAfterWhileOtherSurveysStillTakeAnswers() throws Exception {
        // refused bodies count too: the limit is checked before the body is read
        for (int i = 0; i < PER_SURVEY; i++) {
            mvc.perform(answer(token, Map.of()).with(from("192.0.2." + (i % 200 + 1)))).andExpect(status().isBadRequest());
        }

        mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 9)).with(from("192.0.2.250")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/rate-limited"));
        String retryAfter = mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 9)))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse().getHeader("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);

        UUID otherSurvey = fx.createSurveyId(ws, survey("Other"));
        String otherToken = fx.publish(ws, otherSurvey);
        mvc.perform(answer(otherToken, submission(UUID.randomUUID(), "nps", 9)).with(from("192.0.2.250")))
                .andExpect(status().isAccepted());
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
        assertThat(fx.responsesOf(ws, otherSurvey)).isEqualTo(1);
    }

    @Test
    void anAddressOverItsLimitAnswers429WhileOtherAddressesStillSubmit() throws Exception {
        String noisy = "198.51.100." + (int) (Math.random() * 200 + 1);
        // an unknown token keeps the survey limit out of it; the address limit comes first
        for (int i = 0; i < PER_CLIENT; i++) {
            mvc.perform(answer("AAAAAAAAAAAAAAAAAAAAAAAA", submission(UUID.randomUUID(), "nps", 9)).with(from(noisy)))
                    .andExpect(status().isNotFound());
        }

        mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 9)).with(from(noisy)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/rate-limited"));
        mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 9)).with(from("203.0.113.77")))
                .andExpect(status().isAccepted());
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
    }

    @Test
    void aSubmissionOverTheMonthlyQuotaIsRefusedWith409AndNothingIsWritten() throws Exception {
        access.upsertTenant(ws.tenantId(), AccessModel.ACTIVE, "starter");
        UUID first = UUID.randomUUID();
        fx.submit(token, submission(first, "nps", 9));
        // as if the agency had already stored all but one of its 10,000 this month
        TenantContextHolder.runAs(TenantContext.ofTenant(ws.tenantId()), () -> jdbc.sql(
                "update response_usage set responses = 9999 where tenant_id = ?").param(ws.tenantId()).update());

        fx.submit(token, submission(UUID.randomUUID(), "nps", 8));
        mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 7)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("responsesPerMonth"))
                .andExpect(jsonPath("$.limit").value(10_000));
        // a retry of what was stored before is still the same accepted response
        fx.submit(token, submission(first, "nps", 9));

        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(2);
        assertThat(fx.eventsOf(ws)).isEqualTo(2);
        assertThat(usedThisMonth(ws)).isEqualTo(10_000);

        access.upsertTenant(ws.tenantId(), AccessModel.ACTIVE, "scale");
        fx.submit(token, submission(UUID.randomUUID(), "nps", 7));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(3);
    }

    @Test
    void clientAddressAndUserAgentAreKeptOnlyOnceTheWorkspaceTurnsThemOn() throws Exception {
        String admin = fx.member(ws, Role.CLIENT_ADMIN);
        String privacy = "/api/workspaces/" + ws.id() + "/respondent-privacy";
        mvc.perform(get(privacy).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.storeClientAddress").value(false))
                .andExpect(jsonPath("$.storeUserAgent").value(false));
        UUID before = respondAs("203.0.113.5", "Firefox/140");

        JsonNode unstored = response(before);
        assertThat(unstored.has("clientAddress")).isFalse();
        assertThat(unstored.has("userAgent")).isFalse();
        assertThat(TenantContextHolder.callAs(ws.context(), () -> jdbc.sql(
                "select count(*) from response where workspace_id = ? and (client_address is not null or user_agent is not null)")
                .param(ws.id()).query(Integer.class).single())).isZero();

        // a workspace setting: editors may read but not change it
        mvc.perform(put(privacy).with(TestUsers.as(ws.editor())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"storeClientAddress\":true,\"storeUserAgent\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(privacy).with(TestUsers.as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"storeClientAddress\":true}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.storeClientAddress").value(true))
                .andExpect(jsonPath("$.storeUserAgent").value(false));
        UUID addressOnly = respondAs("203.0.113.6", "Firefox/140");
        mvc.perform(put(privacy).with(TestUsers.as(fx.member(ws, Role.AGENCY_STAFF))).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"storeClientAddress\":true,\"storeUserAgent\":true}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(put(privacy).with(TestUsers.as(admin)).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isPreconditionFailed());
        UUID both = respondAs("203.0.113.7", "Firefox/140");

        assertThat(response(addressOnly).get("clientAddress").asString()).isEqualTo("203.0.113.6");
        assertThat(response(addressOnly).has("userAgent")).isFalse();
        assertThat(response(both).get("clientAddress").asString()).isEqualTo("203.0.113.7");
        assertThat(response(both).get("userAgent").asString()).isEqualTo("Firefox/140");
        assertThat(response(before).has("clientAddress")).isFalse();
    }

    @Test
    void closingOrReopeningAJustAnsweredSurveyTakesEffectAtOnce() throws Exception {
        fx.submit(token, submission(UUID.randomUUID(), "nps", 9));
        mvc.perform(get("/public/api/surveys/{token}", token)).andExpect(status().isOk());

        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/close", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk());
        mvc.perform(get("/public/api/surveys/{token}", token)).andExpect(status().isGone());
        mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 9))).andExpect(status().isGone());

        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/publish", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk());
        fx.submit(token, submission(UUID.randomUUID(), "nps", 9));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(2);
    }

    @Test
    void suspendingTheAgencyOfAJustAnsweredSurveyStopsSubmissionsAtOnce() throws Exception {
        fx.submit(token, submission(UUID.randomUUID(), "nps", 9));

        fx.tenancy().suspend(ws.tenantId());

        mvc.perform(answer(token, submission(UUID.randomUUID(), "nps", 9)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));
        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
        assertThat(fx.eventsOf(ws)).isEqualTo(1);
    }

    /** Answers from a client with this address and browser; the stored response's id. */
    private UUID respondAs(String address, String userAgent) throws Exception {
        UUID submissionId = UUID.randomUUID();
        mvc.perform(answer(token, submission(submissionId, "nps", 9)).with(from(address)).header("User-Agent", userAgent))
                .andExpect(status().isAccepted());
        return TenantContextHolder.callAs(ws.context(), () -> jdbc.sql("select id from response where submission_id = ?")
                .param(submissionId).query(UUID.class).single());
    }

    private JsonNode response(UUID id) throws Exception {
        return fx.read(mvc.perform(get("/api/workspaces/{ws}/responses/{id}", ws.id(), id).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private int usedThisMonth(Ws workspace) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(workspace.tenantId()), () -> jdbc.sql(
                "select coalesce(sum(responses), 0) from response_usage where tenant_id = ? and month = date_trunc('month', now() at time zone 'utc')::date")
                .param(workspace.tenantId()).query(Integer.class).single());
    }
}
