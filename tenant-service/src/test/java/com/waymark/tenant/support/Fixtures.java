package com.waymark.tenant.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.test.TestUsers;

/** Object mother: agencies, workspaces and members created through the API, as their users would. */
public final class Fixtures {

    private final MockMvc mvc;
    private final JsonMapper json;

    public Fixtures(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** An agency and its first agency admin (the Keycloak user id, i.e. their token subject). */
    public record Agency(UUID tenantId, String name, String slug, String adminUserId, String adminEmail) {
    }

    /** A member as the API returned them. */
    public record Member(String userId, String email, String username, String role) {
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestPostProcessor platformAdmin() {
        return TestUsers.platformAdmin();
    }

    public static RequestPostProcessor as(String userId) {
        return TestUsers.as(userId);
    }

    public Agency agency(String plan) throws Exception {
        String id = unique();
        String email = "admin-" + id + "@agency-" + id + ".test";
        JsonNode body = read(mvc.perform(json(post("/api/admin/tenants").with(platformAdmin()), Map.of(
                "name", "Agency " + id, "slug", "agency-" + id, "plan", plan,
                "adminEmail", email, "adminName", "Ada Admin")))
                .andExpect(status().isCreated()).andReturn());
        return new Agency(UUID.fromString(body.get("id").asString()), body.get("name").asString(),
                body.get("slug").asString(), body.get("admin").get("userId").asString(), email);
    }

    public UUID workspace(Agency agency) throws Exception {
        return workspace(agency.tenantId(), agency.adminUserId());
    }

    public UUID workspace(UUID tenantId, String actingUser) throws Exception {
        String id = unique();
        JsonNode body = read(mvc.perform(json(post("/api/tenants/{tenantId}/workspaces", tenantId).with(as(actingUser)),
                Map.of("name", "Client " + id, "slug", "client-" + id, "industry", "retail")))
                .andExpect(status().isCreated()).andReturn());
        return UUID.fromString(body.get("id").asString());
    }

    public Member agencyMember(Agency agency, String role) throws Exception {
        return member("/api/tenants/" + agency.tenantId() + "/members", agency.adminUserId(), role);
    }

    public Member clientMember(UUID workspaceId, String actingUser, String role) throws Exception {
        return member("/api/workspaces/" + workspaceId + "/members", actingUser, role);
    }

    /** The person with this email (created on first use) as a client member of one more workspace. */
    public Member clientMember(UUID workspaceId, String actingUser, String role, String email) throws Exception {
        return member("/api/workspaces/" + workspaceId + "/members", actingUser, role, email);
    }

    /** The person with this email (created on first use) as an agency member. */
    public Member agencyMember(Agency agency, String role, String email) throws Exception {
        return member("/api/tenants/" + agency.tenantId() + "/members", agency.adminUserId(), role, email);
    }

    private Member member(String path, String actingUser, String role) throws Exception {
        return member(path, actingUser, role, role + "-" + unique() + "@people.test");
    }

    private Member member(String path, String actingUser, String role, String email) throws Exception {
        String id = unique();
        JsonNode body = read(mvc.perform(json(post(path).with(as(actingUser)),
                Map.of("email", email, "name", "Pat " + id, "role", role)))
                .andExpect(status().isCreated()).andReturn());
        return new Member(body.get("userId").asString(), email, body.get("username").asString(), role);
    }

    public MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Map<String, ?> body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(new LinkedHashMap<>(body)));
    }

    public JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
