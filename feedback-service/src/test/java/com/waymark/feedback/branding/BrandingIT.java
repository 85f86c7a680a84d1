package com.waymark.feedback.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import com.waymark.feedback.support.FeedbackIntegrationTest;
import com.waymark.feedback.support.Fixtures.Ws;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.TestUsers;

class BrandingIT extends FeedbackIntegrationTest {

    static final String BRANDING = "/api/workspaces/{ws}/branding";

    Ws ws;
    String admin;

    @BeforeEach
    void aWorkspace() {
        ws = fx.workspace();
        admin = fx.member(ws, Role.CLIENT_ADMIN);
    }

    static Map<String, Object> branding(String logoUrl, String primary, String accent, String sender) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("logoUrl", logoUrl);
        body.put("primaryColor", primary);
        body.put("accentColor", accent);
        body.put("senderName", sender);
        return body;
    }

    ResultActions putBranding(String user, Map<String, Object> body, String ifMatch) throws Exception {
        var request = put(BRANDING, ws.id()).with(TestUsers.as(user)).contentType(MediaType.APPLICATION_JSON).content(fx.write(body));
        return mvc.perform(ifMatch == null ? request : request.header("If-Match", ifMatch));
    }

    @Test
    void anAdminSetsTheBrandingAndEveryMemberReadsIt() throws Exception {
        mvc.perform(get(BRANDING, ws.id()).with(TestUsers.as(fx.member(ws, Role.CLIENT_VIEWER))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.logoUrl").isEmpty())
                .andExpect(jsonPath("$.version").value(0));

        putBranding(admin, branding("https://cdn.example.com/contoso/logo.svg", "#0F766E", "#f59e0b", " Contoso Retail "), "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.primaryColor").value("#0f766e"))
                .andExpect(jsonPath("$.senderName").value("Contoso Retail"));
        putBranding(admin, branding(null, "#000000", null, null), "\"0\"").andExpect(status().isPreconditionFailed());

        mvc.perform(get(BRANDING, ws.id()).with(TestUsers.as(fx.member(ws, Role.CLIENT_VIEWER))))
                .andExpect(jsonPath("$.logoUrl").value("https://cdn.example.com/contoso/logo.svg"))
                .andExpect(jsonPath("$.accentColor").value("#f59e0b"))
                .andExpect(jsonPath("$.version").value(1));
        // agency roles are admins of their clients' settings too; editors and viewers are not
        putBranding(fx.member(ws, Role.AGENCY_STAFF), branding(null, "#111111", null, "Contoso"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.logoUrl").isEmpty()).andExpect(jsonPath("$.version").value(2));
        putBranding(ws.editor(), branding(null, "#222222", null, null), null).andExpect(status().isForbidden());
        putBranding(fx.member(ws, Role.CLIENT_VIEWER), branding(null, "#222222", null, null), null).andExpect(status().isForbidden());
        mvc.perform(get(BRANDING, ws.id()).with(TestUsers.as(ws.editor()))).andExpect(jsonPath("$.primaryColor").value("#111111"));
    }

    @Test
    void onlyAnHttpsLogoAndHexColoursAreAccepted() throws Exception {
        putBranding(admin, branding("http://cdn.example.com/logo.png", "red", "#12345", "x".repeat(101)), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("logoUrl", "primaryColor", "accentColor", "senderName")));
        for (String logo : new String[] { "javascript:alert(1)", "https://user:pw@cdn.example.com/l.png", "https:///l.png",
                "https://cdn.example.com/" + "a".repeat(2000), "https://cdn.example.com/\"onerror=\"x" }) {
            putBranding(admin, branding(logo, null, null, null), null).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("logoUrl"));
        }
        putBranding(admin, branding(null, "#0f766e;} body{display:none", null, null), null).andExpect(status().isBadRequest());
        mvc.perform(get(BRANDING, ws.id()).with(TestUsers.as(admin))).andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void theSurveyPageAndTheDefinitionCarryTheBrandingUnderAStrictPolicy() throws Exception {
        String token = fx.publishedSurvey(ws);
        MockHttpServletResponse plain = mvc.perform(get("/public/s/{token}", token)).andReturn().getResponse();
        assertThat(plain.getHeader("Content-Security-Policy")).doesNotContain("img-src");
        assertThat(plain.getContentAsString()).doesNotContain("class=\"logo\"");
        mvc.perform(get("/public/api/surveys/{token}", token)).andExpect(jsonPath("$.branding").doesNotExist());

        putBranding(admin, branding("https://cdn.example.com:8443/c/logo.svg?v=2&x=1", "#fde047", "#7c3aed", "Contoso <Retail>"), null)
                .andExpect(status().isOk());

        MockHttpServletResponse page = mvc.perform(get("/public/s/{token}", token)).andExpect(status().isOk()).andReturn().getResponse();
        String csp = page.getHeader("Content-Security-Policy");
        assertThat(csp).contains("img-src https://cdn.example.com:8443;").contains("default-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("img-src *");
        String html = page.getContentAsString();
        assertThat(html).contains("<img class=\"logo\" src=\"https://cdn.example.com:8443/c/logo.svg?v=2&amp;x=1\" alt=\"Contoso &lt;Retail&gt;\"")
                .contains("--wm-primary: #fde047; --wm-on-primary: #1a1a1a;")
                .contains("--wm-accent: #7c3aed;")
                .doesNotContain("<Retail>");
        mvc.perform(get("/public/api/surveys/{token}", token))
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(jsonPath("$.branding.logoUrl").value("https://cdn.example.com:8443/c/logo.svg?v=2&x=1"))
                .andExpect(jsonPath("$.branding.primaryColor").value("#fde047"))
                .andExpect(jsonPath("$.branding.senderName").value("Contoso <Retail>"));
        // the widget applies it
        assertThat(mvc.perform(get("/public/widget.js")).andReturn().getResponse().getContentAsString())
                .contains("branding.primaryColor");
    }

    @Test
    void anotherWorkspaceNeitherSeesNorChangesTheBranding() throws Exception {
        putBranding(admin, branding(null, "#0f766e", null, "Home"), null).andExpect(status().isOk());
        Ws other = fx.workspace();
        String otherAgencyAdmin = fx.member(fx.workspace(), Role.AGENCY_ADMIN);
        for (String stranger : new String[] { fx.member(other, Role.CLIENT_ADMIN), otherAgencyAdmin }) {
            mvc.perform(get(BRANDING, ws.id()).with(TestUsers.as(stranger))).andExpect(status().isNotFound());
            putBranding(stranger, branding(null, "#000000", null, "Hacked"), null).andExpect(status().isNotFound());
        }
        mvc.perform(get(BRANDING, other.id()).with(TestUsers.as(other.editor()))).andExpect(jsonPath("$.senderName").isEmpty());
        mvc.perform(get(BRANDING, ws.id()).with(TestUsers.as(admin))).andExpect(jsonPath("$.senderName").value("Home"));
        // the other workspace's survey page stays unbranded
        String otherToken = fx.publishedSurvey(other);
        assertThat(mvc.perform(get("/public/s/{token}", otherToken)).andReturn().getResponse().getContentAsString())
                .doesNotContain("#0f766e");
    }
}
