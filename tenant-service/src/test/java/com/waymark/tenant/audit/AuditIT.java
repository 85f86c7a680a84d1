package com.waymark.tenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import com.waymark.tenant.support.TenantServiceTest;

/** Every control-plane change leaves an audit row: who, what, to what, from where. */
@TenantServiceTest
class AuditIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
    }

    @Test
    void everyControlPlaneChangeOfAnAgencyIsAuditedNewestFirst() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        fixtures.agencyMember(agency, "agency-admin", staff.email()); // role change
        Member editor = fixtures.clientMember(workspace, agency.adminUserId(), "client-editor");
        mvc.perform(delete("/api/workspaces/{w}/members/{u}", workspace, editor.userId())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNoContent());
        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(agency.adminUserId())), Map.of("name", "Renamed client"))).andExpect(status().isOk());
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "suspended"))).andExpect(status().isOk());
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin())
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").header("User-Agent", "waymark-cli/1.0"),
                Map.of("status", "active", "plan", "scale"))).andExpect(status().isOk());
        UUID doomed = fixtures.workspace(agency);
        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), doomed).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isAccepted());

        JsonNode page = fixtures.read(mvc.perform(get("/api/tenants/{t}/audit", agency.tenantId())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isOk()).andReturn());

        assertThat(actions(page)).containsExactly("workspace.deleted", "workspace.created", "tenant.reactivated",
                "tenant.updated", "tenant.suspended", "workspace.updated", "member.removed", "member.added",
                "member.role-changed", "member.added", "workspace.created", "member.added", "tenant.created");
        JsonNode reactivated = find(page, "tenant.reactivated");
        assertThat(reactivated.get("actor").get("userId").asString()).isEqualTo("platform-admin-user");
        assertThat(reactivated.get("actor").get("username").asString()).isEqualTo("platform-admin-user");
        assertThat(reactivated.get("target").get("type").asString()).isEqualTo("tenant");
        assertThat(reactivated.get("target").get("id").asString()).isEqualTo(agency.tenantId().toString());
        assertThat(reactivated.get("tenantId").asString()).isEqualTo(agency.tenantId().toString());
        assertThat(reactivated.get("workspaceId").isNull()).isTrue();
        assertThat(reactivated.get("ip").asString()).isEqualTo("203.0.113.7");
        assertThat(reactivated.get("userAgent").asString()).isEqualTo("waymark-cli/1.0");
        assertThat(reactivated.get("details").get("status").get("to").asString()).isEqualTo("active");
        assertThat(find(page, "tenant.updated").get("details").get("plan").get("to").asString()).isEqualTo("scale");
        JsonNode roleChanged = find(page, "member.role-changed");
        assertThat(roleChanged.get("actor").get("userId").asString()).isEqualTo(agency.adminUserId());
        assertThat(roleChanged.get("target").get("id").asString()).isEqualTo(staff.userId());
        assertThat(roleChanged.get("details").get("role").asString()).isEqualTo("agency-admin");
        assertThat(roleChanged.get("details").get("previousRole").asString()).isEqualTo("agency-staff");
        JsonNode removed = find(page, "member.removed");
        assertThat(removed.get("workspaceId").asString()).isEqualTo(workspace.toString());
        assertThat(removed.get("target").get("id").asString()).isEqualTo(editor.userId());
        assertThat(find(page, "workspace.updated").get("details").get("name").get("to").asString()).isEqualTo("Renamed client");
        assertThat(find(page, "workspace.deleted").get("workspaceId").asString()).isEqualTo(doomed.toString());
        assertThat(find(page, "tenant.created").get("ip").asString()).isNotBlank();
        // no secrets: temporary passwords are answered once and never stored
        assertThat(page.toString()).doesNotContain("temporaryPassword").doesNotContain("password");
    }

    @Test
    void theAgencyLogIsPagedAndFilteredByActionAndTime() throws Exception {
        Agency agency = fixtures.agency("growth");
        for (int i = 0; i < 3; i++) {
            fixtures.workspace(agency);
        }
        Instant afterWorkspaces = Instant.now();
        fixtures.agencyMember(agency, "agency-staff");
        String path = "/api/tenants/" + agency.tenantId() + "/audit";

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = get(path).param("limit", "2").with(Fixtures.as(agency.adminUserId()));
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = fixtures.read(mvc.perform(request).andExpect(status().isOk()).andReturn());
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(actions(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).containsExactly("member.added", "workspace.created", "workspace.created", "workspace.created",
                "member.added", "tenant.created");

        JsonNode created = fixtures.read(mvc.perform(get(path).param("action", "workspace.created")
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isOk()).andReturn());
        assertThat(actions(created)).containsExactly("workspace.created", "workspace.created", "workspace.created");
        JsonNode later = fixtures.read(mvc.perform(get(path).param("from", afterWorkspaces.toString())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isOk()).andReturn());
        assertThat(actions(later)).containsExactly("member.added");
        JsonNode earlier = fixtures.read(mvc.perform(get(path).param("to", afterWorkspaces.toString())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isOk()).andReturn());
        assertThat(actions(earlier)).hasSize(5);

        mvc.perform(get(path).param("from", "yesterday").with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get(path).param("from", afterWorkspaces.toString()).param("to", afterWorkspaces.minusSeconds(60).toString())
                .with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get(path).param("action", "DROP TABLE").with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("action"));
        mvc.perform(get(path).param("limit", "0").with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void onlyTheAgencysAdminsReadItsLog() throws Exception {
        Agency agency = fixtures.agency("growth");
        Agency neighbour = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        Member clientAdmin = fixtures.clientMember(workspace, agency.adminUserId(), "client-admin");

        mvc.perform(get("/api/tenants/{t}/audit", agency.tenantId()).with(Fixtures.as(staff.userId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/tenants/{t}/audit", agency.tenantId()).with(Fixtures.as(clientAdmin.userId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tenants/{t}/audit", agency.tenantId()).with(Fixtures.as(neighbour.adminUserId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/audit").with(Fixtures.as(agency.adminUserId()))).andExpect(status().isForbidden());

        JsonNode own = fixtures.read(mvc.perform(get("/api/tenants/{t}/audit", neighbour.tenantId())
                .with(Fixtures.as(neighbour.adminUserId()))).andExpect(status().isOk()).andReturn());
        assertThat(tenantIds(own)).containsOnly(neighbour.tenantId().toString());
    }

    @Test
    void thePlatformAdminReadsEveryAgencysLogOrOneAgencys() throws Exception {
        Agency first = fixtures.agency("growth");
        Agency second = fixtures.agency("growth");
        fixtures.workspace(first);

        JsonNode all = fixtures.read(mvc.perform(get("/api/admin/audit").param("limit", "500").with(Fixtures.platformAdmin()))
                .andExpect(status().isOk()).andReturn());
        assertThat(tenantIds(all)).contains(first.tenantId().toString(), second.tenantId().toString());
        List<String> ids = new ArrayList<>();
        all.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.stream().map(UUID::fromString).toList()).isSortedAccordingTo(AuditService.DATABASE_ORDER.reversed());

        JsonNode one = fixtures.read(mvc.perform(get("/api/admin/audit").param("tenantId", first.tenantId().toString())
                .with(Fixtures.platformAdmin())).andExpect(status().isOk()).andReturn());
        assertThat(tenantIds(one)).containsOnly(first.tenantId().toString());
        assertThat(actions(one)).containsExactly("workspace.created", "member.added", "tenant.created");

        // paging across agencies visits every row once
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/admin/audit").param("limit", "3").with(Fixtures.platformAdmin());
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = fixtures.read(mvc.perform(request).andExpect(status().isOk()).andReturn());
            page.get("items").forEach(item -> paged.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null && paged.size() < 60);
        assertThat(paged).doesNotHaveDuplicates();
        assertThat(paged.subList(0, Math.min(paged.size(), ids.size()))).isEqualTo(ids.subList(0, Math.min(paged.size(), ids.size())));

        mvc.perform(get("/api/admin/audit").param("tenantId", "nope").with(Fixtures.platformAdmin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tenantId"));
        mvc.perform(get("/api/admin/audit").param("tenantId", UUID.randomUUID().toString()).with(Fixtures.platformAdmin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void rowLevelSecurityShowsAuditRowsOnlyInTheirAgencysOwnContext() throws Exception {
        Agency a = fixtures.agency("growth");
        Agency b = fixtures.agency("growth");
        UUID workspaceA = fixtures.workspace(a);

        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isZero();
        assertThat(TenantContextHolder.callAs(TenantContext.ofTenant(b.tenantId()),
                () -> jdbc.sql("select distinct tenant_id from audit_event").query(UUID.class).list()))
                .containsExactly(b.tenantId());
        // not even from inside one of its workspaces (so a workspace's purge leaves the agency's record alone)
        assertThat(TenantContextHolder.callAs(TenantContext.ofWorkspace(a.tenantId(), workspaceA),
                () -> jdbc.sql("select count(*) from audit_event").query(Long.class).single())).isZero();
    }

    @Test
    void theOpenApiDescriptionListsTheNewControlPlaneEndpoints() throws Exception {
        JsonNode docs = fixtures.read(mvc.perform(get("/v3/api-docs").with(Fixtures.platformAdmin()))
                .andExpect(status().isOk()).andReturn());
        JsonNode paths = docs.get("paths");

        assertThat(paths.get("/api/tenants/{tenantId}/workspaces/{workspaceId}").has("patch")).isTrue();
        assertThat(paths.get("/api/tenants/{tenantId}/workspaces/{workspaceId}").has("delete")).isTrue();
        assertThat(paths.get("/api/admin/tenants/{tenantId}").has("delete")).isTrue();
        assertThat(paths.get("/api/admin/tenants/{tenantId}/deletion").has("get")).isTrue();
        assertThat(paths.get("/api/tenants/{tenantId}/audit").has("get")).isTrue();
        assertThat(paths.get("/api/admin/audit").has("get")).isTrue();
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(item -> actions.add(item.get("action").asString()));
        return actions;
    }

    private static List<String> tenantIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("tenantId").asString()));
        return ids;
    }

    private static JsonNode find(JsonNode page, String action) {
        for (JsonNode item : page.get("items")) {
            if (item.get("action").asString().equals(action)) {
                return item;
            }
        }
        throw new AssertionError("no " + action + " in " + page);
    }
}
