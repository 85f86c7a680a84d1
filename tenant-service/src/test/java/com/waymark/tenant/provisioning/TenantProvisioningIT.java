package com.waymark.tenant.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.test.TestInfrastructure;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

@TenantServiceTest
class TenantProvisioningIT {

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
    void creatingATenantCreatesItsOrganizationAndAgencyAdminInKeycloak() throws Exception {
        String id = Fixtures.unique();
        String email = "nina-" + id + "@northwind.test";
        JsonNode created = fixtures.read(mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.platformAdmin()),
                Map.of("name", "Northwind " + id, "slug", "northwind-" + id, "plan", "growth",
                        "adminEmail", email, "adminName", "Nina Nilsson", "adminUsername", "nina-" + id)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Northwind " + id))
                .andExpect(jsonPath("$.slug").value("northwind-" + id))
                .andExpect(jsonPath("$.plan").value("growth"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.admin.username").value("nina-" + id))
                .andExpect(jsonPath("$.admin.email").value(email))
                .andReturn());
        UUID tenantId = UUID.fromString(created.get("id").asString());
        String adminId = created.get("admin").get("userId").asString();
        String temporaryPassword = created.get("admin").get("temporaryPassword").asString();

        OrganizationRepresentation organization = kc.organizationOf(tenantId).orElseThrow();
        assertThat(organization.getAlias()).isEqualTo("northwind-" + id);
        assertThat(organization.getName()).isEqualTo("Northwind " + id);
        assertThat(kc.memberIds(organization.getId())).containsExactly(adminId);
        UserRepresentation admin = kc.user(adminId);
        assertThat(admin.getEmail()).isEqualTo(email);
        assertThat(admin.getFirstName()).isEqualTo("Nina");
        assertThat(admin.getLastName()).isEqualTo("Nilsson");
        assertThat(admin.getRequiredActions()).contains("UPDATE_PASSWORD");
        // the password shown once really is theirs, and must be changed before it gives a token
        assertThat(temporaryPassword).hasSizeGreaterThanOrEqualTo(16);
        assertThat(kc.passwordGrant("nina-" + id, temporaryPassword)).contains("Account is not fully set up");
        assertThat(kc.passwordGrant("nina-" + id, temporaryPassword + "x")).contains("Invalid user credentials");

        assertThat(access.tenantStatus(tenantId)).contains("active");
        assertThat(jdbc.sql("select role from access_membership where scope_id = ? and user_id = ?")
                .params(tenantId, adminId).query(String.class).single()).isEqualTo("agency-admin");
        assertThat(outboxTypes(tenantId)).containsExactlyInAnyOrder("tenant.tenant.created", "tenant.member.added");
        assertThat(jdbc.sql("select count(*) from outbox where payload::text like ?").param("%" + temporaryPassword + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anExistingUserIsLinkedAsAgencyAdminWithoutATemporaryPassword() throws Exception {
        Agency first = fixtures.agency("starter");
        String id = Fixtures.unique();

        mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.platformAdmin()), Map.of(
                "name", "Second " + id, "slug", "second-" + id, "plan", "starter",
                "adminEmail", first.adminEmail().toUpperCase(), "adminName", "Someone Else")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.admin.userId").value(first.adminUserId()))
                .andExpect(jsonPath("$.admin.temporaryPassword").doesNotExist());

        OrganizationRepresentation second = kc.organizationWithAlias("second-" + id).orElseThrow();
        assertThat(kc.memberIds(second.getId())).containsExactly(first.adminUserId());
        assertThat(kc.memberIds(kc.organizationWithAlias(first.slug()).orElseThrow().getId())).contains(first.adminUserId());
    }

    @Test
    void aTakenSlugIsAConflictAndCreatesNothingInKeycloak() throws Exception {
        Agency existing = fixtures.agency("starter");
        long organizations = kc.organizationCount();
        String newEmail = "late-" + Fixtures.unique() + "@example.test";

        mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.platformAdmin()), Map.of(
                "name", "Another " + Fixtures.unique(), "slug", existing.slug(), "plan", "starter",
                "adminEmail", newEmail, "adminName", "Late Comer")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("slug"));
        mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.platformAdmin()), Map.of(
                "name", existing.name(), "slug", "other-" + Fixtures.unique(), "plan", "starter",
                "adminEmail", newEmail, "adminName", "Late Comer")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        assertThat(kc.organizationCount()).isEqualTo(organizations);
        assertThat(kc.userWithEmail(newEmail)).isEmpty();
    }

    @Test
    void invalidInputIsRejectedNamingTheFieldAndWritesNothing() throws Exception {
        long tenants = tenantCount();
        long organizations = kc.organizationCount();
        String email = "invalid-" + Fixtures.unique() + "@example.test";
        Map<String, Object> valid = Map.of("name", "Valid " + Fixtures.unique(), "slug", "valid-" + Fixtures.unique(),
                "plan", "starter", "adminEmail", email, "adminName", "Val Id");

        assertRejected(with(valid, "slug", "Not_A_Slug"), "slug");
        assertRejected(with(valid, "slug", "x"), "slug");
        assertRejected(with(valid, "plan", "gold"), "plan");
        assertRejected(with(valid, "adminEmail", "not-an-email"), "adminEmail");
        assertRejected(with(valid, "adminName", " "), "adminName");
        assertRejected(with(valid, "adminUsername", "no spaces allowed"), "adminUsername");
        assertRejected(with(valid, "colour", "blue"), "colour");
        assertRejected(with(valid, "plan", List.of("starter")), "plan");

        assertThat(tenantCount()).isEqualTo(tenants);
        assertThat(kc.organizationCount()).isEqualTo(organizations);
        assertThat(kc.userWithEmail(email)).isEmpty();
    }

    @Test
    void whenTheDatabasePartFailsWhatWasCreatedInKeycloakIsRemovedAgain() throws Exception {
        String id = Fixtures.unique();
        String email = "doomed-" + id + "@example.test";
        try (Connection admin = TestInfrastructure.adminConnection("tenant-service"); Statement sql = admin.createStatement()) {
            sql.execute("""
                    create or replace function test_refuse_doomed() returns trigger language plpgsql as $$
                    begin
                        if new.name like 'Doomed %' then raise exception 'simulated database failure'; end if;
                        return new;
                    end $$""");
            sql.execute("create or replace trigger test_refuse_doomed before insert on tenant "
                    + "for each row execute function test_refuse_doomed()");
        }
        try {
            mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.platformAdmin()), Map.of(
                    "name", "Doomed " + id, "slug", "doomed-" + id, "plan", "starter",
                    "adminEmail", email, "adminName", "Doomed Admin")))
                    .andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("simulated"))));
        } finally {
            try (Connection admin = TestInfrastructure.adminConnection("tenant-service"); Statement sql = admin.createStatement()) {
                sql.execute("drop trigger if exists test_refuse_doomed on tenant");
            }
        }

        assertThat(kc.organizationWithAlias("doomed-" + id)).isEmpty();
        assertThat(kc.userWithEmail(email)).isEmpty();
        assertThat(jdbc.sql("select count(*) from outbox where payload::text like ?").param("%doomed-" + id + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void onlyPlatformAdminsReachTheTenantCatalogue() throws Exception {
        Agency agency = fixtures.agency("starter");

        mvc.perform(get("/api/admin/tenants").with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isForbidden());
        mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.as(agency.adminUserId())), Map.of(
                "name", "Sneaky", "slug", "sneaky", "plan", "scale", "adminEmail", "s@example.test", "adminName", "S")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/tenants")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePlatformAdminPagesThroughTenantsAndSeesOneWithItsUsage() throws Exception {
        Agency first = fixtures.agency("starter");
        Agency second = fixtures.agency("scale");
        fixtures.workspace(first);

        JsonNode page = fixtures.read(mvc.perform(get("/api/admin/tenants").param("limit", "1").with(Fixtures.platformAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1)).andReturn());
        List<String> seen = new java.util.ArrayList<>();
        String cursor = page.get("nextCursor").asString();
        seen.add(page.get("items").get(0).get("id").asString());
        while (cursor != null) {
            page = fixtures.read(mvc.perform(get("/api/admin/tenants").param("limit", "50").param("cursor", cursor)
                    .with(Fixtures.platformAdmin())).andExpect(status().isOk()).andReturn());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        assertThat(seen).contains(first.tenantId().toString(), second.tenantId().toString()).doesNotHaveDuplicates();

        mvc.perform(get("/api/admin/tenants/{id}", first.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(first.slug()))
                .andExpect(jsonPath("$.plan").value("starter"))
                .andExpect(jsonPath("$.workspaces.inUse").value(1))
                .andExpect(jsonPath("$.workspaces.limit").value(3))
                .andExpect(jsonPath("$.members.inUse").value(1))
                .andExpect(jsonPath("$.members.limit").value(10));
        mvc.perform(get("/api/admin/tenants/{id}", second.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(jsonPath("$.workspaces.limit").doesNotExist());
        mvc.perform(get("/api/admin/tenants/{id}", UUID.randomUUID()).with(Fixtures.platformAdmin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void renamingRenamesTheOrganizationAndSuspendingLocksTheAgencyOutAtOnce() throws Exception {
        Agency agency = fixtures.agency("starter");
        String newName = "Renamed " + Fixtures.unique();

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("name", newName, "plan", "growth")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(newName))
                .andExpect(jsonPath("$.plan").value("growth"));
        assertThat(kc.organizationOf(agency.tenantId()).orElseThrow().getName()).isEqualTo(newName);

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "suspended")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("suspended"));
        mvc.perform(get("/api/tenants/{id}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "active")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/tenants/{id}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk());
        assertThat(outboxTypes(agency.tenantId())).containsExactlyInAnyOrder("tenant.tenant.created", "tenant.member.added",
                "tenant.tenant.updated", "tenant.tenant.updated", "tenant.tenant.updated");

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "deleted")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("slug", "new-slug")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("slug"));
    }

    private void assertRejected(Map<String, Object> body, String field) throws Exception {
        mvc.perform(fixtures.json(post("/api/admin/tenants").with(Fixtures.platformAdmin()), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private long tenantCount() {
        return jdbc.sql("select count(*) from tenant").query(Long.class).single();
    }

    private List<String> outboxTypes(UUID tenantId) {
        return jdbc.sql("select type from outbox where tenant_id = ? order by id").param(tenantId).query(String.class).list();
    }
}
