package com.waymark.tenant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

/** Each client workspace has its own Keycloak organization, holding its client members. */
@TenantServiceTest
class WorkspaceOrganizationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Keycloak keycloak;
    @Autowired
    WorkspaceOrganizations workspaceOrganizations;

    Fixtures fixtures;
    KeycloakProbe kc;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
    }

    private Optional<OrganizationRepresentation> organizationOf(UUID workspaceId) {
        return kc.realm().organizations().searchByAttribute("workspaceId:" + workspaceId).stream().findFirst();
    }

    @Test
    void aWorkspaceGetsItsOwnOrganizationThatFollowsItsClientMembersNameAndDeletion() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspaceId = fixtures.workspace(agency);

        OrganizationRepresentation organization = organizationOf(workspaceId).orElseThrow();
        assertThat(organization.getAlias()).isEqualTo("ws-" + workspaceId);
        // the search answers brief representations (no attributes), so the attributes are checked by searching them
        assertThat(kc.realm().organizations().searchByAttribute("workspaceOf:" + agency.tenantId()))
                .extracting(OrganizationRepresentation::getId).containsExactly(organization.getId());
        assertThat(kc.realm().organizations().searchByAttribute("tenantId:" + agency.tenantId()))
                .extracting(OrganizationRepresentation::getId).doesNotContain(organization.getId());

        Member viewer = fixtures.clientMember(workspaceId, agency.adminUserId(), "client-viewer");
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        assertThat(kc.memberIds(organization.getId())).containsExactly(viewer.userId()).doesNotContain(staff.userId());

        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspaceId)
                .with(Fixtures.as(agency.adminUserId())), Map.of("name", "Renamed Client"))).andExpect(status().isOk());
        assertThat(kc.realm().organizations().get(organization.getId()).toRepresentation().getName()).startsWith("Renamed Client");

        mvc.perform(delete("/api/workspaces/{w}/members/{u}", workspaceId, viewer.userId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNoContent());
        assertThat(kc.memberIds(organization.getId())).isEmpty();

        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspaceId).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isAccepted());
        assertThat(organizationOf(workspaceId)).isEmpty();
    }

    @Test
    void aWorkspaceWithoutOrganizationGetsOneWithItsMembersAtReconciliationOrWhenAMemberIsAdded() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID reconciled = fixtures.workspace(agency);
        UUID lazy = fixtures.workspace(agency);
        Member early = fixtures.clientMember(reconciled, agency.adminUserId(), "client-editor");
        Member earlyLazy = fixtures.clientMember(lazy, agency.adminUserId(), "client-editor");
        for (UUID workspaceId : List.of(reconciled, lazy)) {
            kc.realm().organizations().get(organizationOf(workspaceId).orElseThrow().getId()).delete().close();
            TenantContextHolder.runAs(TenantContext.ofTenant(agency.tenantId()), () -> jdbc
                    .sql("update workspace set organization_id = null where workspace_id = ?").param(workspaceId).update());
        }

        workspaceOrganizations.reconcile();
        assertThat(kc.memberIds(organizationOf(reconciled).orElseThrow().getId())).containsExactly(early.userId());

        TenantContextHolder.runAs(TenantContext.ofTenant(agency.tenantId()), () -> jdbc
                .sql("update workspace set organization_id = null where workspace_id = ?").param(lazy).update());
        kc.realm().organizations().get(organizationOf(lazy).orElseThrow().getId()).delete().close();
        Member late = fixtures.clientMember(lazy, agency.adminUserId(), "client-viewer");
        assertThat(kc.memberIds(organizationOf(lazy).orElseThrow().getId()))
                .containsExactlyInAnyOrder(earlyLazy.userId(), late.userId());
    }

    @Test
    void deletingTheAgencyDeletesItsWorkspacesOrganizations() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspaceId = fixtures.workspace(agency);
        assertThat(organizationOf(workspaceId)).isPresent();

        mvc.perform(delete("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin())).andExpect(status().isAccepted());

        assertThat(organizationOf(workspaceId)).isEmpty();
    }
}
