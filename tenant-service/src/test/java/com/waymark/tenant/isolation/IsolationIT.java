package com.waymark.tenant.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.TestInfrastructure;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.TenantServiceTest;

/** Agency A's ids mean nothing to agency B, and B's lists show nothing of A. */
@TenantServiceTest
class IsolationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Agency a;
    Agency b;
    UUID workspaceA;
    UUID otherWorkspaceA;
    UUID workspaceB;
    Member editorA;
    Member staffA;
    String agencyInvitationA;
    String workspaceInvitationA;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(mvc, json);
        a = fixtures.agency("growth");
        b = fixtures.agency("growth");
        workspaceA = fixtures.workspace(a);
        otherWorkspaceA = fixtures.workspace(a);
        workspaceB = fixtures.workspace(b);
        editorA = fixtures.clientMember(workspaceA, a.adminUserId(), "client-editor");
        staffA = fixtures.agencyMember(a, "agency-staff");
        fixtures.clientMember(workspaceB, b.adminUserId(), "client-viewer");
        agencyInvitationA = fixtures.read(mvc.perform(fixtures.json(post("/api/tenants/{t}/invitations", a.tenantId())
                .with(Fixtures.as(a.adminUserId())), Map.of("email", "inv-" + Fixtures.unique() + "@people.test", "name", "Ida",
                        "role", "agency-staff"))).andExpect(status().isCreated()).andReturn()).get("id").asString();
        workspaceInvitationA = fixtures.read(mvc.perform(fixtures.json(post("/api/workspaces/{w}/invitations", workspaceA)
                .with(Fixtures.as(a.adminUserId())), Map.of("email", "inv-" + Fixtures.unique() + "@people.test", "name", "Ida",
                        "role", "client-viewer"))).andExpect(status().isCreated()).andReturn()).get("id").asString();
    }

    @Test
    void anAgencyAdminOfAnotherAgencyGetsNotFoundForEveryIdOfAgencyA() throws Exception {
        String intruder = b.adminUserId();
        Map<String, String> newMember = Map.of("email", "intruder-" + Fixtures.unique() + "@evil.test", "name", "Eve",
                "role", "client-admin");
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/api/tenants/{t}/workspaces", a.tenantId()),
                fixtures.json(post("/api/tenants/{t}/workspaces", a.tenantId()), Map.of("name", "Evil", "slug", "evil")),
                get("/api/tenants/{t}/members", a.tenantId()),
                fixtures.json(post("/api/tenants/{t}/members", a.tenantId()), Map.of("email", "e@evil.test", "name", "Eve",
                        "role", "agency-admin")),
                delete("/api/tenants/{t}/members/{u}", a.tenantId(), staffA.userId()),
                delete("/api/tenants/{t}/members/{u}", a.tenantId(), a.adminUserId()),
                get("/api/workspaces/{w}", workspaceA),
                get("/api/workspaces/{w}/members", workspaceA),
                fixtures.json(post("/api/workspaces/{w}/members", workspaceA), newMember),
                delete("/api/workspaces/{w}/members/{u}", workspaceA, editorA.userId()),
                fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", a.tenantId(), workspaceA), Map.of("name", "Evil")),
                delete("/api/tenants/{t}/workspaces/{w}", a.tenantId(), workspaceA),
                get("/api/tenants/{t}/audit", a.tenantId()),
                get("/api/tenants/{t}/invitations", a.tenantId()),
                fixtures.json(post("/api/tenants/{t}/invitations", a.tenantId()), Map.of("email", "e@evil.test", "name", "Eve",
                        "role", "agency-admin")),
                delete("/api/tenants/{t}/invitations/{i}", a.tenantId(), agencyInvitationA),
                get("/api/workspaces/{w}/invitations", workspaceA),
                fixtures.json(post("/api/workspaces/{w}/invitations", workspaceA), newMember),
                delete("/api/workspaces/{w}/invitations/{i}", workspaceA, workspaceInvitationA),
                get("/api/tenants/{t}/identity-provider", a.tenantId()),
                // A's ids named under B's own ids
                fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", b.tenantId(), workspaceA), Map.of("name", "Evil")),
                delete("/api/tenants/{t}/workspaces/{w}", b.tenantId(), workspaceA),
                delete("/api/tenants/{t}/members/{u}", b.tenantId(), staffA.userId()),
                delete("/api/workspaces/{w}/members/{u}", workspaceB, editorA.userId()),
                delete("/api/tenants/{t}/invitations/{i}", b.tenantId(), agencyInvitationA),
                delete("/api/workspaces/{w}/invitations/{i}", workspaceB, workspaceInvitationA));

        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request.with(Fixtures.as(intruder))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/admin/tenants/{t}", a.tenantId()).with(Fixtures.as(intruder))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/admin/tenants/{t}", a.tenantId()).with(Fixtures.as(intruder))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/audit").param("tenantId", a.tenantId().toString()).with(Fixtures.as(intruder)))
                .andExpect(status().isForbidden());

        // and nothing of A changed
        mvc.perform(get("/api/workspaces/{w}", workspaceA).with(Fixtures.as(editorA.userId()))).andExpect(status().isOk());
        mvc.perform(get("/api/tenants/{t}/workspaces", a.tenantId()).with(Fixtures.as(a.adminUserId())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items.length()").value(2));
        JsonNode members = fixtures.read(mvc.perform(get("/api/tenants/{t}/members", a.tenantId())
                .with(Fixtures.as(a.adminUserId()))).andExpect(status().isOk()).andReturn());
        assertThat(ids(members)).containsExactlyInAnyOrder(a.adminUserId(), staffA.userId());
        mvc.perform(get("/api/tenants/{t}/invitations", a.tenantId()).with(Fixtures.as(a.adminUserId())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].id")
                        .value(agencyInvitationA));
        mvc.perform(get("/api/workspaces/{w}/invitations", workspaceA).with(Fixtures.as(a.adminUserId())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].id")
                        .value(workspaceInvitationA));
    }

    @Test
    void aClientMemberOfOneWorkspaceGetsNotFoundForTheAgencysOtherWorkspacesAndTheAgency() throws Exception {
        mvc.perform(get("/api/workspaces/{w}", otherWorkspaceA).with(Fixtures.as(editorA.userId()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{w}/members", otherWorkspaceA).with(Fixtures.as(editorA.userId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tenants/{t}/workspaces", a.tenantId()).with(Fixtures.as(editorA.userId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tenants/{t}/members", a.tenantId()).with(Fixtures.as(editorA.userId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{w}", workspaceB).with(Fixtures.as(editorA.userId()))).andExpect(status().isNotFound());
    }

    @Test
    void listsShowNoRowsOfAnotherAgency() throws Exception {
        JsonNode workspaces = fixtures.read(mvc.perform(get("/api/tenants/{t}/workspaces", b.tenantId())
                .with(Fixtures.as(b.adminUserId()))).andExpect(status().isOk()).andReturn());
        JsonNode agencyMembers = fixtures.read(mvc.perform(get("/api/tenants/{t}/members", b.tenantId())
                .with(Fixtures.as(b.adminUserId()))).andExpect(status().isOk()).andReturn());
        JsonNode clientMembers = fixtures.read(mvc.perform(get("/api/workspaces/{w}/members", workspaceB)
                .with(Fixtures.as(b.adminUserId()))).andExpect(status().isOk()).andReturn());

        assertThat(ids(workspaces)).containsExactly(workspaceB.toString());
        assertThat(ids(agencyMembers)).containsExactly(b.adminUserId());
        assertThat(ids(clientMembers)).hasSize(1).doesNotContain(editorA.userId());
        JsonNode invitations = fixtures.read(mvc.perform(get("/api/tenants/{t}/invitations", b.tenantId())
                .with(Fixtures.as(b.adminUserId()))).andExpect(status().isOk()).andReturn());
        JsonNode workspaceInvitations = fixtures.read(mvc.perform(get("/api/workspaces/{w}/invitations", workspaceB)
                .with(Fixtures.as(b.adminUserId()))).andExpect(status().isOk()).andReturn());
        assertThat(ids(invitations)).isEmpty();
        assertThat(ids(workspaceInvitations)).isEmpty();
    }

    @Test
    void rowLevelSecurityHidesOtherAgenciesRowsEvenWithoutAWhereClause() {
        List<UUID> seenByB = TenantContextHolder.callAs(TenantContext.ofTenant(b.tenantId()),
                () -> jdbc.sql("select tenant_id from workspace union all select tenant_id from workspace_member "
                        + "union all select tenant_id from tenant_member union all select tenant_id from invitation")
                        .query(UUID.class).list());
        assertThat(seenByB).isNotEmpty().containsOnly(b.tenantId());

        List<UUID> agencyRowsInsideAWorkspace = TenantContextHolder.callAs(TenantContext.ofWorkspace(a.tenantId(), workspaceA),
                () -> jdbc.sql("select user_id from tenant_member").query(UUID.class).list());
        assertThat(agencyRowsInsideAWorkspace).isEmpty();
        List<UUID> workspacesInsideAWorkspace = TenantContextHolder.callAs(TenantContext.ofWorkspace(a.tenantId(), workspaceA),
                () -> jdbc.sql("select workspace_id from workspace").query(UUID.class).list());
        assertThat(workspacesInsideAWorkspace).containsExactly(workspaceA);

        assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from workspace_member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from tenant_member").query(Long.class).single()).isZero();
    }

    @Test
    void everyTenantOwnedTableHasForcedRowLevelSecurity() throws Exception {
        try (Connection admin = TestInfrastructure.adminConnection("tenant-service")) {
            ResultSet tables = admin.createStatement().executeQuery("""
                    select c.relname, c.relrowsecurity and c.relforcerowsecurity as forced,
                           exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policy
                    from pg_class c where c.relname in ('workspace', 'tenant_member', 'workspace_member', 'audit_event',
                        'invitation', 'idempotent_request', 'identity_provider', 'sso_grant')""");
            List<String> secured = new ArrayList<>();
            while (tables.next()) {
                if (tables.getBoolean("forced") && tables.getBoolean("policy")) {
                    secured.add(tables.getString("relname"));
                }
            }
            assertThat(secured).containsExactlyInAnyOrder("workspace", "tenant_member", "workspace_member", "audit_event",
                    "invitation", "idempotent_request", "identity_provider", "sso_grant");
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.has("id") ? item.get("id").asString() : item.get("userId").asString()));
        return ids;
    }
}
