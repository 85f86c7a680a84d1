package com.waymark.tenant.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

/** People join through a one-time link: they choose their password, and get the role they were invited to. */
@TenantServiceTest
class InvitationIT {

    static final String PASSWORD = "correct horse battery staple";

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

    private JsonNode inviteToAgency(Agency agency, String email, String role) throws Exception {
        return fixtures.read(mvc.perform(fixtures.json(post("/api/tenants/{t}/invitations", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId())), Map.of("email", email, "name", "Ina Vited", "role", role)))
                .andExpect(status().isCreated()).andReturn());
    }

    private static String token(JsonNode invitation) {
        String link = invitation.get("link").asString();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private List<String> auditActions(Agency agency, String action) throws Exception {
        JsonNode page = fixtures.read(mvc.perform(get("/api/tenants/{t}/audit", agency.tenantId()).param("action", action)
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isOk()).andReturn());
        List<String> actors = new java.util.ArrayList<>();
        page.get("items").forEach(item -> actors.add(item.get("actor").get("userId").asString()));
        return actors;
    }

    @Test
    void anInvitedPersonOpensTheLinkChoosesAPasswordAndBecomesAgencyStaff() throws Exception {
        Agency agency = fixtures.agency("growth");
        String email = "ina-" + Fixtures.unique() + "@people.test";

        JsonNode invitation = inviteToAgency(agency, email, "agency-staff");
        String token = token(invitation);

        assertThat(invitation.get("link").asString()).startsWith("http://localhost:8080/invite/");
        assertThat(invitation.get("role").asString()).isEqualTo("agency-staff");
        assertThat(invitation.get("expiresAt").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from invitation_link where token_hash = ?").param(token).query(Long.class).single())
                .as("only a hash of the token is stored").isZero();
        mvc.perform(get("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].email").value(email))
                .andExpect(jsonPath("$.items[0].link").doesNotExist());

        mvc.perform(get("/public/api/invitations/{token}", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.name").value("Ina Vited"))
                .andExpect(jsonPath("$.role").value("agency-staff"))
                .andExpect(jsonPath("$.agency").value(agency.name()))
                .andExpect(jsonPath("$.workspace").isEmpty())
                .andExpect(jsonPath("$.id").doesNotExist())
                .andExpect(jsonPath("$.tenantId").doesNotExist());
        JsonNode accepted = fixtures.read(mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", token),
                Map.of("password", PASSWORD))).andExpect(status().isOk()).andReturn());

        assertThat(accepted.get("existingAccount").asBoolean()).isFalse();
        String userId = kc.userWithEmail(email).orElseThrow().getId();
        assertThat(kc.passwordGrant(email, PASSWORD)).as("the chosen password works, nothing left to set up").isEqualTo("ok");
        assertThat(kc.memberIds(kc.organizationOf(agency.tenantId()).orElseThrow().getId())).contains(userId);
        mvc.perform(get("/api/tenants/{t}/members", agency.tenantId()).with(Fixtures.as(userId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.userId == '" + userId + "')].role").value("agency-staff"));
        mvc.perform(get("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items.length()").value(0));
        assertThat(auditActions(agency, "invitation.created")).containsExactly(agency.adminUserId());
        assertThat(auditActions(agency, "invitation.accepted")).containsExactly(userId);

        // the link works once
        mvc.perform(get("/public/api/invitations/{token}", token)).andExpect(status().isGone());
        mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", token), Map.of("password", PASSWORD)))
                .andExpect(status().isGone());
    }

    @Test
    void anExistingUserInvitedToAWorkspaceKeepsTheirPasswordAndGetsTheClientRole() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspaceId = fixtures.workspace(agency);
        UUID otherWorkspace = fixtures.workspace(agency);
        Member existing = fixtures.clientMember(otherWorkspace, agency.adminUserId(), "client-viewer");

        JsonNode invitation = fixtures.read(mvc.perform(fixtures.json(post("/api/workspaces/{w}/invitations", workspaceId)
                .with(Fixtures.as(agency.adminUserId())),
                Map.of("email", existing.email(), "name", "Ex Isting", "role", "client-editor")))
                .andExpect(status().isCreated()).andReturn());
        mvc.perform(get("/public/api/invitations/{token}", token(invitation)))
                .andExpect(jsonPath("$.workspace").isNotEmpty());
        int users = kc.userCount();

        mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", token(invitation)), Map.of("password", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.existingAccount").value(true));

        assertThat(kc.userCount()).isEqualTo(users);
        assertThat(kc.passwordGrant(existing.email(), PASSWORD)).as("an invitation never resets a password").isNotEqualTo("ok");
        mvc.perform(get("/api/workspaces/{w}/members", workspaceId).with(Fixtures.as(existing.userId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.userId == '" + existing.userId() + "')].role").value("client-editor"));
    }

    @Test
    void aRevokedInvitationIsGoneAndNoLongerListed() throws Exception {
        Agency agency = fixtures.agency("growth");
        JsonNode invitation = inviteToAgency(agency, "rev-" + Fixtures.unique() + "@people.test", "agency-admin");
        String id = invitation.get("id").asString();

        mvc.perform(delete("/api/tenants/{t}/invitations/{i}", agency.tenantId(), id).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/tenants/{t}/invitations/{i}", agency.tenantId(), id).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNoContent());

        mvc.perform(get("/public/api/invitations/{token}", token(invitation))).andExpect(status().isGone());
        mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", token(invitation)), Map.of("password", PASSWORD)))
                .andExpect(status().isGone());
        mvc.perform(get("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items.length()").value(0));
        assertThat(auditActions(agency, "invitation.revoked")).hasSize(1);
    }

    @Test
    void anExpiredInvitationIsGoneAndCreatesNoUser() throws Exception {
        Agency agency = fixtures.agency("growth");
        String email = "late-" + Fixtures.unique() + "@people.test";
        JsonNode invitation = inviteToAgency(agency, email, "agency-staff");
        TenantContextHolder.runAs(TenantContext.ofTenant(agency.tenantId()), () -> jdbc
                .sql("update invitation set expires_at = now() - interval '1 minute' where id = ?")
                .param(UUID.fromString(invitation.get("id").asString())).update());

        mvc.perform(get("/public/api/invitations/{token}", token(invitation))).andExpect(status().isGone());
        mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", token(invitation)), Map.of("password", PASSWORD)))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/gone"));

        assertThat(kc.userWithEmail(email)).isEmpty();
    }

    @Test
    void unknownAndMalformedTokensAreNotFound() throws Exception {
        mvc.perform(get("/public/api/invitations/{token}", "x".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/public/api/invitations/{token}", "short")).andExpect(status().isNotFound());
        mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", "y".repeat(43)), Map.of("password", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void pendingInvitationsCountAgainstTheMemberQuota() throws Exception {
        Agency agency = fixtures.agency("starter");
        // the starter plan allows 10 people: the admin and 8 more leave room for exactly one invitation
        TenantContextHolder.runAs(TenantContext.ofTenant(agency.tenantId()), () -> {
            for (int i = 0; i < 8; i++) {
                jdbc.sql("insert into tenant_member (tenant_id, user_id, username, email, name, role) values (?, ?, ?, ?, ?, 'agency-staff')")
                        .params(agency.tenantId(), UUID.randomUUID(), "filler-" + i, "filler-" + i + "@people.test", "Filler").update();
            }
        });
        inviteToAgency(agency, "last-" + Fixtures.unique() + "@people.test", "agency-staff");

        mvc.perform(fixtures.json(post("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", "one-too-many@people.test", "name", "Tim", "role", "agency-staff")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/quota-exceeded"))
                .andExpect(jsonPath("$.quota").value("members"));
    }

    @Test
    void aSecondPendingInvitationForTheSameEmailOrAnExistingMemberIsAConflict() throws Exception {
        Agency agency = fixtures.agency("growth");
        String email = "twice-" + Fixtures.unique() + "@people.test";
        inviteToAgency(agency, email, "agency-staff");

        mvc.perform(fixtures.json(post("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", email, "name", "Twice", "role", "agency-admin")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(fixtures.json(post("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(agency.adminUserId())),
                Map.of("email", agency.adminEmail(), "name", "Admin", "role", "agency-staff")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void onlyThoseWhoManageMembersMayInvite() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspaceId = fixtures.workspace(agency);
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        Member editor = fixtures.clientMember(workspaceId, agency.adminUserId(), "client-editor");
        Member clientAdmin = fixtures.clientMember(workspaceId, agency.adminUserId(), "client-admin");

        mvc.perform(fixtures.json(post("/api/tenants/{t}/invitations", agency.tenantId()).with(Fixtures.as(staff.userId())),
                Map.of("email", "n@people.test", "name", "N", "role", "agency-staff"))).andExpect(status().isForbidden());
        mvc.perform(fixtures.json(post("/api/workspaces/{w}/invitations", workspaceId).with(Fixtures.as(editor.userId())),
                Map.of("email", "n@people.test", "name", "N", "role", "client-viewer"))).andExpect(status().isForbidden());
        mvc.perform(fixtures.json(post("/api/workspaces/{w}/invitations", workspaceId).with(Fixtures.as(clientAdmin.userId())),
                Map.of("email", "n-" + Fixtures.unique() + "@people.test", "name", "N", "role", "client-viewer")))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/workspaces/{w}/invitations", workspaceId).with(Fixtures.as(clientAdmin.userId())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aSuspendedAgencysInvitationsCannotBeUsed() throws Exception {
        Agency agency = fixtures.agency("growth");
        JsonNode invitation = inviteToAgency(agency, "susp-" + Fixtures.unique() + "@people.test", "agency-staff");
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "suspended"))).andExpect(status().isOk());

        mvc.perform(get("/public/api/invitations/{token}", token(invitation)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));
        mvc.perform(fixtures.json(post("/public/api/invitations/{token}/accept", token(invitation)), Map.of("password", PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
