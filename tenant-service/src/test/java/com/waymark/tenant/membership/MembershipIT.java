package com.waymark.tenant.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

@TenantServiceTest
class MembershipIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessModel access;
    @Autowired
    Keycloak keycloak;

    Fixtures fixtures;
    KeycloakProbe kc;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
    }

    @Test
    void anAgencyAdminAddsAgencyStaffWhoIsCreatedInKeycloakAndJoinsTheOrganization() throws Exception {
        Agency agency = fixtures.agency("growth");
        String email = "sam-" + Fixtures.unique() + "@northwind.test";

        JsonNode added = fixtures.read(mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), Map.of("email", email, "name", "Sam Staff", "role", "agency-staff")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.username").value(email))
                .andExpect(jsonPath("$.name").value("Sam Staff"))
                .andExpect(jsonPath("$.role").value("agency-staff"))
                .andExpect(jsonPath("$.temporaryPassword").isNotEmpty())
                .andReturn());
        String staffId = added.get("userId").asString();

        UserRepresentation user = kc.user(staffId);
        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getRequiredActions()).contains("UPDATE_PASSWORD");
        assertThat(kc.memberIds(kc.organizationOf(agency.tenantId()).orElseThrow().getId()))
                .containsExactlyInAnyOrder(agency.adminUserId(), staffId);
        mvc.perform(get("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(staffId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.userId == '" + staffId + "')].role").value("agency-staff"))
                .andExpect(jsonPath("$.items[?(@.userId == '" + agency.adminUserId() + "')].role").value("agency-admin"))
                .andExpect(jsonPath("$.items[0].temporaryPassword").doesNotExist());
        assertThat(jdbc.sql("select role from access_membership where scope_id = ? and user_id = ?")
                .params(agency.tenantId(), staffId).query(String.class).single()).isEqualTo("agency-staff");
        assertThat(jdbc.sql("select payload->'data'->>'scopeType' from outbox where type = 'tenant.member.added' "
                + "and payload->'data'->>'userId' = ?").param(staffId).query(String.class).single()).isEqualTo("tenant");
    }

    @Test
    void clientMembersGetARoleInTheirWorkspaceOnly() throws Exception {
        Agency agency = fixtures.agency("growth");
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        UUID contoso = fixtures.workspace(agency);
        UUID fabrikam = fixtures.workspace(agency);

        Member editor = fixtures.clientMember(contoso, staff.userId(), "client-editor");

        mvc.perform(get("/api/workspaces/{ws}/members", contoso).with(Fixtures.as(editor.userId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].userId").value(editor.userId()))
                .andExpect(jsonPath("$.items[0].role").value("client-editor"));
        mvc.perform(get("/api/workspaces/{ws}/members", fabrikam).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/workspaces/{ws}/members", fabrikam).with(Fixtures.as(editor.userId())))
                .andExpect(status().isNotFound());
        assertThat(kc.memberIds(kc.organizationOf(agency.tenantId()).orElseThrow().getId())).contains(editor.userId());
        assertThat(jdbc.sql("select workspace_id from outbox where type = 'tenant.member.added' "
                + "and payload->'data'->>'userId' = ?").param(editor.userId()).query(UUID.class).single()).isEqualTo(contoso);
    }

    @Test
    void aClientAdminManagesTheirWorkspaceMembers() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);
        Member clientAdmin = fixtures.clientMember(workspace, agency.adminUserId(), "client-admin");

        Member viewer = fixtures.clientMember(workspace, clientAdmin.userId(), "client-viewer");
        mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", workspace, viewer.userId())
                .with(Fixtures.as(clientAdmin.userId())))
                .andExpect(status().isNoContent());

        assertThat(access.findWorkspaceAccess(viewer.userId(), workspace)).isEmpty();
    }

    @Test
    void clientEditorsAndViewersMayNotChangeMembers() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);
        Member editor = fixtures.clientMember(workspace, agency.adminUserId(), "client-editor");
        Member viewer = fixtures.clientMember(workspace, agency.adminUserId(), "client-viewer");
        int users = kc.userCount();

        for (Member weak : new Member[] { editor, viewer }) {
            mvc.perform(fixtures.json(post("/api/workspaces/{ws}/members", workspace).with(Fixtures.as(weak.userId())),
                    Map.of("email", "friend-" + Fixtures.unique() + "@people.test", "name", "Friend", "role", "client-admin")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/forbidden"));
            Member other = weak == editor ? viewer : editor;
            mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", workspace, other.userId()).with(Fixtures.as(weak.userId())))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/workspaces/{ws}/members", workspace).with(Fixtures.as(weak.userId())))
                    .andExpect(status().isOk());
        }

        assertThat(kc.userCount()).isEqualTo(users);
        assertThat(access.findWorkspaceAccess(editor.userId(), workspace)).isPresent();
        assertThat(access.findWorkspaceAccess(viewer.userId(), workspace)).isPresent();
    }

    @Test
    void agencyStaffMayNotManageTheAgencysMembers() throws Exception {
        Agency agency = fixtures.agency("starter");
        Member staff = fixtures.agencyMember(agency, "agency-staff");

        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(staff.userId())),
                Map.of("email", "x-" + Fixtures.unique() + "@people.test", "name", "X", "role", "agency-admin")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/tenants/{tenantId}/members/{userId}", agency.tenantId(), agency.adminUserId())
                .with(Fixtures.as(staff.userId())))
                .andExpect(status().isForbidden());
    }

    @Test
    void removingTheOnlyRoleRevokesAccessPublishesMemberRemovedAndLeavesTheOrganization() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID first = fixtures.workspace(agency);
        UUID second = fixtures.workspace(agency);
        Member editor = fixtures.clientMember(first, agency.adminUserId(), "client-editor");
        // the same person also gets a role in the second workspace
        mvc.perform(fixtures.json(post("/api/workspaces/{ws}/members", second).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", editor.email(), "name", "Pat", "role", "client-viewer")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value(editor.userId()))
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist());
        String organization = kc.organizationOf(agency.tenantId()).orElseThrow().getId();

        mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", first, editor.userId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/workspaces/{ws}", first).with(Fixtures.as(editor.userId()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{ws}", second).with(Fixtures.as(editor.userId()))).andExpect(status().isOk());
        assertThat(kc.memberIds(organization)).contains(editor.userId());

        mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", second, editor.userId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/workspaces/{ws}", second).with(Fixtures.as(editor.userId()))).andExpect(status().isNotFound());
        assertThat(kc.memberIds(organization)).doesNotContain(editor.userId());
        assertThat(jdbc.sql("select workspace_id from outbox where type = 'tenant.member.removed' "
                + "and payload->'data'->>'userId' = ?").param(editor.userId()).query(UUID.class).list())
                .containsExactlyInAnyOrder(first, second);

        mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", second, editor.userId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNotFound());
    }

    @Test
    void addingAnExistingMemberAgainChangesTheirRole() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);
        Member editor = fixtures.clientMember(workspace, agency.adminUserId(), "client-editor");

        mvc.perform(fixtures.json(post("/api/workspaces/{ws}/members", workspace).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", editor.email(), "name", "Pat", "role", "client-viewer")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("client-viewer"))
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist());

        mvc.perform(get("/api/workspaces/{ws}/members", workspace).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].role").value("client-viewer"));
        assertThat(access.findWorkspaceAccess(editor.userId(), workspace).orElseThrow().role().value()).isEqualTo("client-viewer");
    }

    @Test
    void theLastAgencyAdminCannotBeRemoved() throws Exception {
        Agency agency = fixtures.agency("starter");
        String organization = kc.organizationOf(agency.tenantId()).orElseThrow().getId();

        mvc.perform(delete("/api/tenants/{tenantId}/members/{userId}", agency.tenantId(), agency.adminUserId())
                .with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isConflict());

        assertThat(kc.memberIds(organization)).contains(agency.adminUserId());
        assertThat(access.requireTenant(agency.adminUserId(), agency.tenantId(), com.waymark.platform.access.Permission.ADMIN))
                .isNotNull();

        Member second = fixtures.agencyMember(agency, "agency-admin");
        mvc.perform(delete("/api/tenants/{tenantId}/members/{userId}", agency.tenantId(), agency.adminUserId())
                .with(Fixtures.as(second.userId())))
                .andExpect(status().isNoContent());
        assertThat(kc.memberIds(organization)).doesNotContain(agency.adminUserId());
    }

    @Test
    void unknownAndMalformedMemberIdsAreNotFound() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);

        mvc.perform(delete("/api/tenants/{tenantId}/members/{userId}", agency.tenantId(), UUID.randomUUID())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/tenants/{tenantId}/members/not-a-uuid", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", workspace, UUID.randomUUID())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
    }

    @Test
    void aUsernameOfSomeoneElseIsAConflictAndCreatesNoUser() throws Exception {
        Agency agency = fixtures.agency("starter");
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        String email = "copycat-" + Fixtures.unique() + "@people.test";

        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", email, "name", "Copy Cat", "username", staff.username(), "role", "agency-staff")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("username"));

        assertThat(kc.userWithEmail(email)).isEmpty();
    }

    @Test
    void invalidMemberInputNamesTheFieldAndWritesNothing() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);
        String email = "bad-" + Fixtures.unique() + "@people.test";

        mvc.perform(fixtures.json(post("/api/workspaces/{ws}/members", workspace).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", email, "name", "Bad Role", "role", "agency-admin")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", email, "name", "Bad Role", "role", "client-editor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", email, "name", "Extra", "role", "agency-staff", "isAdmin", true)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("isAdmin"));
        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", "nope", "name", "No Mail", "role", "agency-staff")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));

        assertThat(kc.userWithEmail(email)).isEmpty();
    }

    @Test
    void theStarterPlanAllowsTenPeopleAndTheEleventhIsRefusedBeforeKeycloakIsTouched() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID workspace = fixtures.workspace(agency);
        for (int i = 0; i < 9; i++) {
            fixtures.clientMember(workspace, agency.adminUserId(), "client-viewer");
        }
        String email = "eleventh-" + Fixtures.unique() + "@people.test";

        mvc.perform(fixtures.json(post("/api/workspaces/{ws}/members", workspace).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", email, "name", "Eleven", "role", "client-viewer")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("members"))
                .andExpect(jsonPath("$.limit").value(10));

        assertThat(kc.userWithEmail(email)).isEmpty();
        // someone already counted may still get another role
        mvc.perform(fixtures.json(post("/api/tenants/{tenantId}/members", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", agency.adminEmail(), "name", "Ada Admin", "role", "agency-admin")))
                .andExpect(status().isCreated());
    }
}
