package com.waymark.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.test.IntegrationTest;

@IntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void theOpenApiDescriptionListsTheJourneyMapEndpoints() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode paths = json.readTree(body).get("paths");

        assertThat(paths.propertyNames()).contains(
                "/api/workspaces/{workspaceId}/channels",
                "/api/workspaces/{workspaceId}/personas/{personaId}",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/stages/order",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}/touchpoints/{touchpointId}",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/painPoints",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/opportunities",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/evidence",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/versions",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/versions/{number}",
                "/api/workspaces/{workspaceId}/journeys/{journeyId}/versions/{from}/diff/{to}",
                "/api/workspaces/{workspaceId}/journeys:import",
                "/api/tenants/{tenantId}/journey-templates",
                "/api/tenants/{tenantId}/journey-templates/{templateId}");
        assertThat(paths.get("/api/workspaces/{workspaceId}/journeys/{journeyId}").get("get").get("responses").get("200")
                .get("content").propertyNames()).contains("application/json", "text/csv");
        assertThat(paths.get("/api/workspaces/{workspaceId}/journeys").get("post").toString())
                .contains("fromTemplate", "JourneyFields");
        assertThat(body).as("the caller's access is not a request parameter").doesNotContain("\"name\":\"access\"");
        assertThat(paths.get("/api/workspaces/{workspaceId}/journeys/{journeyId}").get("patch")
                .get("requestBody").toString()).contains("JourneyFields");
    }
}
