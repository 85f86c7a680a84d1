package com.waymark.feedback.respondent;

import static com.waymark.feedback.support.Fixtures.submission;
import static com.waymark.feedback.support.Fixtures.survey;
import static com.waymark.feedback.support.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.test.TestUsers;

class PublicSurveyIT extends FeedbackIntegrationTest {

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;

    Ws ws;
    UUID touchpoint;
    UUID surveyId;
    String token;

    @BeforeEach
    void publishedSurvey() throws Exception {
        ws = fx.workspace();
        touchpoint = fx.touchpoint(ws, "Checkout page");
        surveyId = fx.createSurveyId(ws, with(survey("Checkout"), "touchpointId", touchpoint.toString()));
        token = fx.publish(ws, surveyId);
    }

    @Test
    void aRespondentsAnswersAreStoredAndAnnouncedToOtherServices() throws Exception {
        Queue events = new AnonymousQueue();
        admin.declareQueue(events);
        admin.declareBinding(BindingBuilder.bind(events).to(new TopicExchange("cx.events")).with(EventTypes.RESPONSE_SUBMITTED));
        try {
            mvc.perform(get("/public/api/surveys/{token}", token).header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.token").value(token))
                    .andExpect(jsonPath("$.lang").value("de"))
                    .andExpect(jsonPath("$.questions[0].text").value("Frage nps?"))
                    .andExpect(jsonPath("$.questions[0].scale.max").value(10))
                    .andExpect(jsonPath("$.questions[5].options[0].text").value("Option a (de)"))
                    .andExpect(jsonPath("$.thankYou").value("Vielen Dank!"));

            UUID submissionId = UUID.randomUUID();
            Map<String, Object> body = submission(submissionId, "nps", 3, "ces", 6, "comment", "Slow checkout",
                    "reason", "b", "topics", List.of("a", "c"));
            body.put("lang", "de");
            body.put("respondent", Map.of("externalId", "cust-42", "email", "ada@example.test"));
            body.put("context", Map.of("segment", "returning", "channel", "Online", "url", "https://shop.example/checkout"));
            mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", body, token))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.status").value("accepted"));

            String listed = mvc.perform(get("/api/workspaces/{ws}/responses?surveyId={s}", ws.id(), surveyId)
                            .with(TestUsers.as(ws.editor())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items", hasSize(1)))
                    .andExpect(jsonPath("$.items[0].submissionId").value(submissionId.toString()))
                    .andExpect(jsonPath("$.items[0].touchpointId").value(touchpoint.toString()))
                    .andExpect(jsonPath("$.items[0].lang").value("de"))
                    .andExpect(jsonPath("$.items[0].segment").value("returning"))
                    .andExpect(jsonPath("$.items[0].respondent.email").value("ada@example.test"))
                    .andExpect(jsonPath("$.items[0].source").value("web"))
                    .andExpect(jsonPath("$.items[0].answers[0].score").value(3))
                    .andExpect(jsonPath("$.items[0].answers[1].value").isEmpty())
                    .andExpect(jsonPath("$.items[0].answers[3].value").value("Slow checkout"))
                    .andExpect(jsonPath("$.items[0].answers[5].value[1]").value("c"))
                    .andReturn().getResponse().getContentAsString();
            String responseId = fx.read(listed).get("items").get(0).get("id").asString();
            mvc.perform(get("/api/workspaces/{ws}/responses/{id}", ws.id(), responseId).with(TestUsers.as(ws.editor())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.answers[2].score").value(6));

            // the outbox relay publishes the event committed with the response
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from outbox where workspace_id = ? and sent_at is not null and payload->'data'->>'responseId' = ?")
                    .params(ws.id(), responseId).query(Integer.class).single() == 1);
            JsonNode event = receive(events.getName(), responseId);
            assertThat(event.get("type").asString()).isEqualTo(EventTypes.RESPONSE_SUBMITTED);
            assertThat(event.get("tenantId").asString()).isEqualTo(ws.tenantId().toString());
            assertThat(event.get("workspaceId").asString()).isEqualTo(ws.id().toString());
            JsonNode data = event.get("data");
            assertThat(data.get("surveyId").asString()).isEqualTo(surveyId.toString());
            assertThat(data.get("touchpointId").asString()).isEqualTo(touchpoint.toString());
            assertThat(data.get("lang").asString()).isEqualTo("de");
            assertThat(data.get("segment").asString()).isEqualTo("returning");
            assertThat(data.get("channel").asString()).isEqualTo("Online");
            assertThat(data.get("submittedAt").asString()).isNotEmpty();
            // the respondent only as a pseudonymous key (the external id wins over the e-mail); a touchpoint survey has no journey
            assertThat(data.get("respondentKey").asString()).isEqualTo(sha256Hex(ws.id() + ":cust-42"));
            assertThat(data.get("journeyId").isNull()).isTrue();
            assertThat(event.toString()).doesNotContain("ada@example.test").doesNotContain("cust-42");
            assertThat(data.get("answers")).isEqualTo(fx.read(
                    "[{\"questionId\":\"nps\",\"kind\":\"nps\",\"score\":3},{\"questionId\":\"csat\",\"kind\":\"csat\",\"score\":null},"
                            + "{\"questionId\":\"ces\",\"kind\":\"ces\",\"score\":6}]"));
        } finally {
            admin.deleteQueue(events.getName());
        }
    }

    @Test
    void theSameSubmissionTwiceIsStoredOnceAndAnnouncedOnce() throws Exception {
        Map<String, Object> body = submission(UUID.randomUUID(), "nps", 9);

        fx.submit(token, body);
        fx.submit(token, with(body, "answers", List.of(Map.of("questionId", "nps", "value", 2))));

        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(1);
        assertThat(fx.eventsOf(ws)).isEqualTo(1);
        mvc.perform(get("/api/workspaces/{ws}/responses", ws.id()).with(TestUsers.as(ws.editor())))
                .andExpect(jsonPath("$.items[0].answers[0].score").value(9));
    }

    @Test
    void theDefinitionRevealsNoInternalIds() throws Exception {
        String definition = mvc.perform(get("/public/api/surveys/{token}", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lang").value("en"))
                .andExpect(jsonPath("$.languages[1]").value("de"))
                .andExpect(jsonPath("$.name").value("Checkout"))
                .andReturn().getResponse().getContentAsString();

        assertThat(definition).doesNotContain(ws.tenantId().toString(), ws.id().toString(), surveyId.toString(),
                touchpoint.toString());
        assertThat(fx.read(definition).propertyNames()).containsExactlyInAnyOrder("token", "name", "lang", "languages",
                "questions", "thankYou");
        assertThat(fx.read(definition).get("questions").get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "kind", "text", "required", "scale");
    }

    @Test
    void theLanguageComesFromTheQueryThenTheHeaderThenTheSurvey() throws Exception {
        mvc.perform(get("/public/api/surveys/{token}?lang=de", token).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.lang").value("de"));
        mvc.perform(get("/public/api/surveys/{token}", token).header("Accept-Language", "fr-CH, fr;q=0.9"))
                .andExpect(jsonPath("$.lang").value("en"))
                .andExpect(jsonPath("$.questions[0].text").value("Question nps?"));
    }

    @Test
    void answersThatBreakARuleAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String tooLong = "x".repeat(5001);
        Object[][] cases = {
                { submission(UUID.randomUUID(), "nps", 11), "answers[0].value" },
                { submission(UUID.randomUUID(), "nps", 7.5), "answers[0].value" },
                { submission(UUID.randomUUID(), "nps", "7"), "answers[0].value" },
                { submission(UUID.randomUUID(), "nps", 5, "csat", 0), "answers[1].value" },
                { submission(UUID.randomUUID(), "nps", 5, "csat", 6), "answers[1].value" },
                { submission(UUID.randomUUID(), "nps", 5, "ces", 8), "answers[1].value" },
                { submission(UUID.randomUUID(), "nps", 5, "comment", tooLong), "answers[1].value" },
                { submission(UUID.randomUUID(), "nps", 5, "reason", "zzz"), "answers[1].value" },
                { submission(UUID.randomUUID(), "nps", 5, "topics", List.of("a", "zzz")), "answers[1].value[1]" },
                { submission(UUID.randomUUID(), "csat", 4), "answers" },
                { submission(UUID.randomUUID(), "nps", 5, "price", 3), "answers[1].questionId" },
                { submission(UUID.randomUUID(), "nps", 5, "nps", 6), "answers[1].questionId" },
                { with(submission(UUID.randomUUID(), "nps", 5), "lang", "fr"), "lang" },
                { with(submission(UUID.randomUUID(), "nps", 5), "submissionId", "not-a-uuid"), "submissionId" },
                { with(submission(UUID.randomUUID(), "nps", 5), "respondent", Map.of("email", "nope")), "respondent.email" },
                { with(submission(UUID.randomUUID(), "nps", 5), "context", Map.of("segment", "s".repeat(101))), "context.segment" },
        };
        for (Object[] testCase : cases) {
            mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", testCase[0], token))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/validation"))
                    .andExpect(jsonPath("$.errors[0].field").value(testCase[1]));
        }
        Map<String, Object> noId = submission(UUID.randomUUID(), "nps", 5);
        noId.remove("submissionId");
        mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", noId, token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("submissionId"));
        mvc.perform(post("/public/api/surveys/{token}/responses", token).contentType(MediaType.APPLICATION_JSON).content("{nope"))
                .andExpect(status().isBadRequest());

        assertThat(fx.responsesOf(ws, surveyId)).isZero();
        assertThat(fx.eventsOf(ws)).isZero();
    }

    @Test
    void theScaleBoundsAndTextUpTo5000CharactersAreAccepted() throws Exception {
        fx.submit(token, submission(UUID.randomUUID(), "nps", 0, "csat", 5, "ces", 1, "comment", "x".repeat(5000)));
        fx.submit(token, submission(UUID.randomUUID(), "nps", 10, "csat", 1, "ces", 7));

        assertThat(fx.responsesOf(ws, surveyId)).isEqualTo(2);
    }

    @Test
    void aBodyOver64KiBIsTooLarge() throws Exception {
        Map<String, Object> body = with(submission(UUID.randomUUID(), "nps", 5), "padding", "x".repeat(65 * 1024));

        mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", body, token))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/too-large"));
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
    }

    @Test
    void aClosedSurveyIsGone() throws Exception {
        mvc.perform(post("/api/workspaces/{ws}/surveys/{id}/close", ws.id(), surveyId).with(TestUsers.as(ws.editor())))
                .andExpect(status().isOk());

        mvc.perform(get("/public/api/surveys/{token}", token))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/gone"));
        mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", submission(UUID.randomUUID(), "nps", 5), token))
                .andExpect(status().isGone());
        mvc.perform(get("/public/s/{token}", token))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This survey is closed")));
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
    }

    @Test
    void aSuspendedAgencysSurveysAreRefused() throws Exception {
        fx.tenancy().suspend(ws.tenantId());

        mvc.perform(get("/public/api/surveys/{token}", token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));
        mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", submission(UUID.randomUUID(), "nps", 5), token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));
        mvc.perform(get("/public/s/{token}", token)).andExpect(status().isForbidden());
        assertThat(fx.responsesOf(ws, surveyId)).isZero();
    }

    @Test
    void anUnknownTokenIsNotFound() throws Exception {
        String unknown = "AAAAAAAAAAAAAAAAAAAAAAAA";
        mvc.perform(get("/public/api/surveys/{token}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/not-found"));
        mvc.perform(fx.jsonPost("/public/api/surveys/{token}/responses", submission(UUID.randomUUID(), "nps", 5), unknown))
                .andExpect(status().isNotFound());
        mvc.perform(get("/public/s/{token}", unknown)).andExpect(status().isNotFound());
        mvc.perform(get("/public/api/surveys/{token}", "bad token!")).andExpect(status().isNotFound());
    }

    @Test
    void aDraftSurveyHasNoPublicLink() throws Exception {
        UUID draft = fx.createSurveyId(ws, survey("Draft"));
        mvc.perform(get("/public/api/surveys/{token}", draft.toString())).andExpect(status().isNotFound());
    }

    @Test
    void theSurveyPageIsEscapedHtmlUnderAStrictPolicy() throws Exception {
        UUID tricky = fx.createSurveyId(ws, survey("<img src=x onerror=alert(1)>"));
        String trickyToken = fx.publish(ws, tricky);

        var result = mvc.perform(get("/public/s/{token}?lang=de", trickyToken))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse();
        String html = result.getContentAsString(StandardCharsets.UTF_8);
        String policy = result.getHeader("Content-Security-Policy");

        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("<html lang=\"de\">").contains("Frage nps?").contains("Vielen Dank!")
                .contains("data-endpoint=\"/public/api/surveys/" + trickyToken + "/responses\"");
        assertThat(html).contains("name=\"q-nps\" value=\"0\"").contains("name=\"q-nps\" value=\"10\"")
                .contains("name=\"q-csat\" value=\"5\"").contains("name=\"q-ces\" value=\"7\"").contains("<textarea");
        Matcher nonce = Pattern.compile("<script nonce=\"([^\"]+)\">").matcher(html);
        assertThat(nonce.find()).isTrue();
        assertThat(policy).contains("default-src 'none'").contains("script-src 'nonce-" + nonce.group(1) + "'")
                .contains("connect-src 'self'").doesNotContain("unsafe");
        String again = mvc.perform(get("/public/s/{token}", trickyToken)).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(again).isNotEqualTo(policy);
    }

    @Test
    void theWidgetScriptIsServedAnonymously() throws Exception {
        mvc.perform(get("/public/widget.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/public/s/")));
    }

    static String sha256Hex(String value) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode receive(String queue, String responseId) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Message message = rabbit.receive(queue, 1_000);
            if (message != null) {
                JsonNode event = fx.read(new String(message.getBody(), StandardCharsets.UTF_8));
                if (responseId.equals(event.get("data").get("responseId").asString())) {
                    return event;
                }
            }
        }
        throw new AssertionError("No " + EventTypes.RESPONSE_SUBMITTED + " event for response " + responseId);
    }
}
