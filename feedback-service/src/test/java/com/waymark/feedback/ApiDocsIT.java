package com.waymark.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.support.FeedbackIntegrationTest;

class ApiDocsIT extends FeedbackIntegrationTest {

    @Test
    void everyEndpointIsDescribedForSpringdoc() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode paths = fx.read(docs).get("paths");

        assertThat(paths.propertyNames()).contains(
                "/api/workspaces/{workspaceId}/surveys",
                "/api/workspaces/{workspaceId}/surveys/{surveyId}",
                "/api/workspaces/{workspaceId}/surveys/{surveyId}/publish",
                "/api/workspaces/{workspaceId}/surveys/{surveyId}/close",
                "/api/workspaces/{workspaceId}/surveys/{surveyId}/responses:import",
                "/api/workspaces/{workspaceId}/responses",
                "/api/workspaces/{workspaceId}/responses/{responseId}",
                "/api/workspaces/{workspaceId}/cases",
                "/api/workspaces/{workspaceId}/cases/{caseId}",
                "/api/workspaces/{workspaceId}/surveys/{surveyId}/export",
                "/api/workspaces/{workspaceId}/surveys:import",
                "/public/api/surveys/{token}",
                "/public/api/surveys/{token}/responses",
                "/public/s/{token}",
                "/public/widget.js");
        assertThat(paths.get("/public/api/surveys/{token}/responses").get("post").get("requestBody").toString())
                .contains("ResponseSubmission");
        assertThat(paths.get("/api/workspaces/{workspaceId}/surveys/{surveyId}/responses:import").get("post")
                .get("requestBody").get("content").propertyNames()).containsExactly("text/csv");
        JsonNode responses = paths.get("/api/workspaces/{workspaceId}/responses");
        assertThat(responses.get("get").get("responses").get("200").get("content").propertyNames()).contains("text/csv");
        assertThat(responses.get("get").toString()).contains("minScore", "maxScore");
        assertThat(paths.get("/api/workspaces/{workspaceId}/responses/{responseId}").propertyNames()).contains("get", "delete");
        assertThat(paths.get("/api/workspaces/{workspaceId}/cases/{caseId}").propertyNames()).contains("get", "patch");
        assertThat(paths.get("/api/workspaces/{workspaceId}/surveys/{surveyId}").get("get").get("responses").get("200")
                .get("content").propertyNames()).contains("application/vnd.waymark.survey+json");
    }

    @Test
    void casesCommentsBrandingWebhooksAndErasureAreDescribed() throws Exception {
        JsonNode paths = fx.read(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("paths");
        assertThat(paths.propertyNames()).contains(
                "/api/workspaces/{workspaceId}/cases/{caseId}/comments",
                "/api/workspaces/{workspaceId}/responses:erase",
                "/api/workspaces/{workspaceId}/branding",
                "/api/workspaces/{workspaceId}/webhooks",
                "/api/workspaces/{workspaceId}/webhooks/{webhookId}",
                "/api/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries");
        assertThat(paths.get("/api/workspaces/{workspaceId}/cases/{caseId}/comments").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/workspaces/{workspaceId}/branding").propertyNames()).contains("get", "put");
        assertThat(paths.get("/api/workspaces/{workspaceId}/webhooks/{webhookId}").propertyNames()).contains("get", "patch", "delete");
        assertThat(paths.get("/api/workspaces/{workspaceId}/webhooks").get("post").get("description").asString())
                .contains("Waymark-Signature");
        assertThat(paths.get("/api/workspaces/{workspaceId}/surveys/{surveyId}/responses:import").get("post").toString())
                .contains("all-or-nothing", "map.");
    }
}
