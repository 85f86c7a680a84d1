package com.waymark.tenant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.TenantServiceTest;

@TenantServiceTest
class WorkspaceIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessModel access;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
    }

    @Test
    void anAgencyAdminCreatesAndListsWorkspaces() throws Exception {
        Agency agency = fixtures.agency("growth");

        JsonNode created = fixtures.read(mvc.perform(fixtures.json(
                post("/api/tenants/{tenantId}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("name", "Contoso Retail", "slug", "contoso", "industry", "retail")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.tenantId").value(agency.tenantId().toString()))
                .andExpect(jsonPath("$.name").value("Contoso Retail"))
                .andExpect(jsonPath("$.slug").value("contoso"))
                .andExpect(jsonPath("$.industry").value("retail"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andReturn());
        UUID contoso = UUID.fromString(created.get("id").asString());
        UUID fabrikam = fixtures.workspace(agency);

        mvc.perform(get("/api/tenants/{tenantId}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(contoso.toString()))
                .andExpect(jsonPath("$.items[1].id").value(fabrikam.toString()))
                .andExpect(jsonPath("$.nextCursor").isEmpty());
        mvc.perform(get("/api/tenants/{tenantId}/workspaces", agency.tenantId()).param("limit", "1")
                .with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        mvc.perform(get("/api/workspaces/{workspaceId}", contoso).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Contoso Retail"));

        assertThat(access.findWorkspaceAccess(agency.adminUserId(), contoso)).isPresent();
        assertThat(jdbc.sql("select workspace_id from outbox where type = 'tenant.workspace.created' and tenant_id = ?")
                .param(agency.tenantId()).query(UUID.class).list()).containsExactlyInAnyOrder(contoso, fabrikam);
    }

    @Test
    void agencyStaffMayCreateWorkspacesToo() throws Exception {
        Agency agency = fixtures.agency("starter");
        Fixtures.Member staff = fixtures.agencyMember(agency, "agency-staff");

        UUID workspace = fixtures.workspace(agency.tenantId(), staff.userId());

        assertThat(access.findWorkspaceAccess(staff.userId(), workspace)).isPresent();
    }

    @Test
    void theStarterPlanAllowsThreeWorkspacesAndTheFourthIsRefusedWithoutWritingAnything() throws Exception {
        Agency agency = fixtures.agency("starter");
        for (int i = 0; i < 3; i++) {
            fixtures.workspace(agency);
        }

        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/workspaces", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), Map.of("name", "One too many", "slug", "one-too-many")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("workspaces"))
                .andExpect(jsonPath("$.plan").value("starter"))
                .andExpect(jsonPath("$.limit").value(3))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("workspaces")));

        long rows = TenantContextHolder.callAs(TenantContext.ofTenant(agency.tenantId()),
                () -> jdbc.sql("select count(*) from workspace").query(Long.class).single());
        assertThat(rows).isEqualTo(3);
        assertThat(access.workspacesOf(agency.tenantId())).hasSize(3);
        assertThat(jdbc.sql("select count(*) from outbox where type = 'tenant.workspace.created' and tenant_id = ?")
                .param(agency.tenantId()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aWorkspaceSlugIsUniqueWithinItsAgencyOnly() throws Exception {
        Agency first = fixtures.agency("starter");
        Agency second = fixtures.agency("starter");
        Map<String, String> body = Map.of("name", "Initech", "slug", "initech");
        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/workspaces", first.tenantId())
                .with(Fixtures.as(first.adminUserId())), body)).andExpect(status().isCreated());

        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/workspaces", first.tenantId())
                .with(Fixtures.as(first.adminUserId())), body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("slug"));
        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/workspaces", second.tenantId())
                .with(Fixtures.as(second.adminUserId())), body))
                .andExpect(status().isCreated());
    }

    @Test
    void invalidWorkspaceInputNamesTheFieldAndWritesNothing() throws Exception {
        Agency agency = fixtures.agency("starter");
        String path = "/api/tenants/" + agency.tenantId() + "/workspaces";

        mvc.perform(fixtures.json(post(path).with(Fixtures.as(agency.adminUserId())), Map.of("name", "X", "slug", "Bad Slug")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("slug"));
        mvc.perform(fixtures.json(post(path).with(Fixtures.as(agency.adminUserId())), Map.of("name", "", "slug", "ok-slug")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(fixtures.json(post(path).with(Fixtures.as(agency.adminUserId())),
                Map.of("name", "X", "slug", "ok-slug", "tenantId", UUID.randomUUID().toString())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tenantId"));

        assertThat(access.workspacesOf(agency.tenantId())).isEmpty();
    }

    @Test
    void clientMembersCannotReachTheAgencyEndpoints() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);
        Fixtures.Member clientAdmin = fixtures.clientMember(workspace, agency.adminUserId(), "client-admin");

        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/workspaces", agency.tenantId())
                .with(Fixtures.as(clientAdmin.userId())), Map.of("name", "Mine", "slug", "mine")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tenants/{tenantId}/workspaces", agency.tenantId()).with(Fixtures.as(clientAdmin.userId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{workspaceId}", workspace).with(Fixtures.as(clientAdmin.userId())))
                .andExpect(status().isOk());
    }
}
