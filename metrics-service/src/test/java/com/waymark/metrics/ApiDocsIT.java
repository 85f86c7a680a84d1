package com.waymark.metrics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import com.waymark.platform.test.IntegrationTest;

@IntegrationTest
class ApiDocsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDescriptionListsTheMetricsEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/metrics/summary'].get.tags[0]").value("Metrics"))
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/metrics/timeseries'].get").exists())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/metrics/drivers'].get.tags[0]").value("Metrics"))
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/metrics:rebuild'].post").exists())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/metrics/settings'].get.tags[0]").value("Metrics"))
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/metrics/settings'].put").exists())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/alert-rules'].post.tags[0]").value("Alerts"))
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/alert-rules/{ruleId}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/alert-rules/{ruleId}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/alerts'].get").exists())
                .andExpect(jsonPath("$.paths['/api/workspaces/{workspaceId}/alerts/{alertId}/acknowledge'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tenants/{tenantId}/portfolio'].get.tags[0]").value("Portfolio"));
    }
}
