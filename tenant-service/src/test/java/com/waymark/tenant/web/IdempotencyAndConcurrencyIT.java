package com.waymark.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

/** Retries with an Idempotency-Key create nothing twice; If-Match stops lost updates of agencies and workspaces. */
@TenantServiceTest
class IdempotencyAndConcurrencyIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Keycloak keycloak;

    Fixtures fixtures;
    KeycloakProbe kc;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Map<String, ?> body, String key) throws Exception {
        return mvc.perform(fixtures.json(request, body).header("Idempotency-Key", key)).andReturn().getResponse();
    }

    private long workspaces(UUID tenantId) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId),
                () -> jdbc.sql("select count(*) from workspace where tenant_id = ?").param(tenantId).query(Long.class).single());
    }

    @Test
    void aRetriedWorkspaceCreationWithTheSameKeyAnswersTheFirstWorkspaceAgainAndCreatesNoSecond() throws Exception {
        Agency agency = fixtures.agency("growth");
        Map<String, String> body = Map.of("name", "Retry Co", "slug", "retry-" + Fixtures.unique());
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = send(post("/api/tenants/{t}/workspaces", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), body, key);
        MockHttpServletResponse retry = send(post("/api/tenants/{t}/workspaces", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), body, key);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(json.readTree(retry.getContentAsString())).isEqualTo(json.readTree(first.getContentAsString()));
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeader("Idempotent-Replayed")).isNull();
        assertThat(workspaces(agency.tenantId())).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictNamingTheKeyAndCreatesNothing() throws Exception {
        Agency agency = fixtures.agency("growth");
        String key = UUID.randomUUID().toString();
        send(post("/api/tenants/{t}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("name", "First", "slug", "first-" + Fixtures.unique()), key);

        MockHttpServletResponse other = send(post("/api/tenants/{t}/workspaces", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), Map.of("name", "Second", "slug", "second-" + Fixtures.unique()), key);

        assertThat(other.getStatus()).isEqualTo(409);
        assertThat(json.readTree(other.getContentAsString()).get("errors").get(0).get("field").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(workspaces(agency.tenantId())).isEqualTo(1);
    }

    @Test
    void keysAreKeptPerCallerAndPerRoute() throws Exception {
        Agency agency = fixtures.agency("growth");
        Fixtures.Member otherAdmin = fixtures.agencyMember(agency, "agency-admin");
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "Shared Key", "slug", "shared-" + Fixtures.unique());
        send(post("/api/tenants/{t}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())), body, key);

        MockHttpServletResponse sameKeyOtherCaller = send(post("/api/tenants/{t}/workspaces", agency.tenantId())
                .with(Fixtures.as(otherAdmin.userId())), Map.of("name", "Other", "slug", "other-" + Fixtures.unique()), key);
        MockHttpServletResponse sameKeyOtherRoute = send(post("/api/tenants/{t}/members", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())),
                Map.of("email", "keyed-" + Fixtures.unique() + "@people.test", "name", "Kay", "role", "agency-staff"), key);

        assertThat(sameKeyOtherCaller.getStatus()).isEqualTo(201);
        assertThat(sameKeyOtherCaller.getHeader("Idempotent-Replayed")).isNull();
        assertThat(sameKeyOtherRoute.getStatus()).isEqualTo(201);
        assertThat(workspaces(agency.tenantId())).isEqualTo(2);
    }

    @Test
    void aRetriedMemberAdditionAnswersTheSameMemberWithoutTheTemporaryPasswordAndCreatesOneUser() throws Exception {
        Agency agency = fixtures.agency("growth");
        String email = "retry-" + Fixtures.unique() + "@people.test";
        Map<String, String> body = Map.of("email", email, "name", "Rita Retry", "role", "agency-staff");
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = send(post("/api/tenants/{t}/members", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), body, key);
        int users = kc.userCount();
        MockHttpServletResponse retry = send(post("/api/tenants/{t}/members", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), body, key);

        JsonNode firstBody = json.readTree(first.getContentAsString());
        JsonNode retryBody = json.readTree(retry.getContentAsString());
        assertThat(firstBody.get("temporaryPassword").asString()).isNotBlank();
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retryBody.has("temporaryPassword")).isFalse();
        assertThat(retryBody.get("userId")).isEqualTo(firstBody.get("userId"));
        assertThat(retryBody.get("createdAt")).isEqualTo(firstBody.get("createdAt"));
        assertThat(kc.userCount()).isEqualTo(users);
        assertThat(retry.getContentAsString()).doesNotContain(firstBody.get("temporaryPassword").asString());
    }

    @Test
    void aRetriedClientMemberAdditionIsReplayedToo() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspaceId = fixtures.workspace(agency);
        Map<String, String> body = Map.of("email", "client-" + Fixtures.unique() + "@people.test", "name", "Cy Client",
                "role", "client-viewer");
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = send(post("/api/workspaces/{w}/members", workspaceId)
                .with(Fixtures.as(agency.adminUserId())), body, key);
        MockHttpServletResponse retry = send(post("/api/workspaces/{w}/members", workspaceId)
                .with(Fixtures.as(agency.adminUserId())), body, key);

        assertThat(retry.getStatus()).isEqualTo(first.getStatus()).isEqualTo(201);
        assertThat(json.readTree(retry.getContentAsString()).get("userId"))
                .isEqualTo(json.readTree(first.getContentAsString()).get("userId"));
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRetriedAgencyProvisioningAnswersTheSameAgencyWithoutThePasswordAndCreatesNoSecondOrganization() throws Exception {
        String id = Fixtures.unique();
        Map<String, String> body = Map.of("name", "Retry Agency " + id, "slug", "retry-agency-" + id, "plan", "starter",
                "adminEmail", "boss-" + id + "@retry.test", "adminName", "Bo Boss");
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = send(post("/api/admin/tenants").with(Fixtures.platformAdmin()), body, key);
        long organizations = kc.organizationCount();
        MockHttpServletResponse retry = send(post("/api/admin/tenants").with(Fixtures.platformAdmin()), body, key);
        MockHttpServletResponse changed = send(post("/api/admin/tenants").with(Fixtures.platformAdmin()),
                Map.of("name", "Other " + id, "slug", "other-" + id, "plan", "starter", "adminEmail", "x-" + id + "@retry.test",
                        "adminName", "Xi"), key);

        JsonNode firstBody = json.readTree(first.getContentAsString());
        JsonNode retryBody = json.readTree(retry.getContentAsString());
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retryBody.get("id")).isEqualTo(firstBody.get("id"));
        assertThat(retryBody.get("admin").get("userId")).isEqualTo(firstBody.get("admin").get("userId"));
        assertThat(firstBody.get("admin").has("temporaryPassword")).isTrue();
        assertThat(retryBody.get("admin").has("temporaryPassword")).isFalse();
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(kc.organizationCount()).isEqualTo(organizations);
        assertThat(changed.getStatus()).isEqualTo(409);
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() throws Exception {
        Agency agency = fixtures.agency("growth");

        mvc.perform(fixtures.json(post("/api/tenants/{t}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("name", "Keyed", "slug", "keyed-" + Fixtures.unique())).header("Idempotency-Key", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(workspaces(agency.tenantId())).isZero();
    }

    @Test
    void aWorkspaceChangeWithAStaleIfMatchIsRefusedWith412AndChangesNothing() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspaceId = fixtures.workspace(agency);
        String etag = mvc.perform(get("/api/workspaces/{w}", workspaceId).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk()).andExpect(header().exists("ETag")).andReturn().getResponse().getHeader("ETag");

        String newEtag = mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspaceId)
                .with(Fixtures.as(agency.adminUserId())).header("If-Match", etag), Map.of("name", "First Edit")))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspaceId)
                .with(Fixtures.as(agency.adminUserId())).header("If-Match", etag), Map.of("name", "Lost Edit")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/precondition-failed"));

        assertThat(newEtag).isNotEqualTo(etag);
        mvc.perform(get("/api/workspaces/{w}", workspaceId).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.name").value("First Edit"))
                .andExpect(header().string("ETag", newEtag));
    }

    @Test
    void anAgencyChangeWithAStaleIfMatchIsRefusedWith412BeforeKeycloakIsTouched() throws Exception {
        Agency agency = fixtures.agency("growth");
        String etag = mvc.perform(get("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin())
                .header("If-Match", etag), Map.of("plan", "scale")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin())
                .header("If-Match", etag), Map.of("name", "Stale Rename " + Fixtures.unique())))
                .andExpect(status().isPreconditionFailed());

        assertThat(kc.organizationOf(agency.tenantId()).orElseThrow().getName()).isEqualTo(agency.name());
        mvc.perform(get("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(jsonPath("$.name").value(agency.name()))
                .andExpect(jsonPath("$.plan").value("scale"))
                .andExpect(jsonPath("$.version").doesNotExist());
    }
}
