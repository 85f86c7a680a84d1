package com.waymark.tenant.me;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.test.TestUsers;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.TenantServiceTest;

@TenantServiceTest
class MeIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
    }

    @Test
    void anAgencyAdminSeesTheirAgencyAndEveryWorkspaceOfItWithTheirAgencyRole() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID first = fixtures.workspace(agency);
        UUID second = fixtures.workspace(agency);
        fixtures.workspace(fixtures.agency("growth"));

        mvc.perform(get("/api/me").with(TestUsers.as(agency.adminUserId(), "default-roles-waymark")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(agency.adminUserId()))
                .andExpect(jsonPath("$.username").value(agency.adminUserId()))
                .andExpect(jsonPath("$.roles[0]").value("default-roles-waymark"))
                .andExpect(jsonPath("$.tenant.id").value(agency.tenantId().toString()))
                .andExpect(jsonPath("$.tenant.name").value(agency.name()))
                .andExpect(jsonPath("$.tenant.role").value("agency-admin"))
                .andExpect(jsonPath("$.workspaces.length()").value(2))
                .andExpect(jsonPath("$.workspaces[?(@.id == '" + first + "')].role").value("agency-admin"))
                .andExpect(jsonPath("$.workspaces[?(@.id == '" + second + "')].role").value("agency-admin"));
    }

    @Test
    void aClientEditorSeesOnlyTheirOwnWorkspace() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID contoso = fixtures.workspace(agency);
        fixtures.workspace(agency);
        Member editor = fixtures.clientMember(contoso, agency.adminUserId(), "client-editor");

        mvc.perform(get("/api/me").with(TestUsers.as(editor.userId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(editor.userId()))
                .andExpect(jsonPath("$.tenant.id").value(agency.tenantId().toString()))
                .andExpect(jsonPath("$.tenant.role").isEmpty())
                .andExpect(jsonPath("$.workspaces.length()").value(1))
                .andExpect(jsonPath("$.workspaces[0].id").value(contoso.toString()))
                .andExpect(jsonPath("$.workspaces[0].name").isNotEmpty())
                .andExpect(jsonPath("$.workspaces[0].role").value("client-editor"));
    }

    @Test
    void theStrongerOfAnAgencyRoleAndAClientRoleApplies() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID contoso = fixtures.workspace(agency);
        UUID fabrikam = fixtures.workspace(agency);
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        mvc.perform(fixtures.json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/workspaces/{ws}/members", contoso).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", staff.email(), "name", "Sam", "role", "client-admin")))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/me").with(TestUsers.as(staff.userId())))
                .andExpect(jsonPath("$.workspaces.length()").value(2))
                .andExpect(jsonPath("$.workspaces[?(@.id == '" + contoso + "')].role").value("client-admin"))
                .andExpect(jsonPath("$.workspaces[?(@.id == '" + fabrikam + "')].role").value("agency-staff"));
    }

    @Test
    void aPlatformAdminWithoutMembershipsHasNoTenant() throws Exception {
        mvc.perform(get("/api/me").with(TestUsers.as("root-" + Fixtures.unique(), "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("platform-admin"))
                .andExpect(jsonPath("$.tenant").isEmpty())
                .andExpect(jsonPath("$.workspaces.length()").value(0));
    }

    @Test
    void anAnonymousCallerIsUnauthorized() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }
}
