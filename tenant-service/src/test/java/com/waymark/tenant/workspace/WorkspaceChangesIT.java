package com.waymark.tenant.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.WorkspaceDeleted;
import com.waymark.platform.events.WorkspaceUpdated;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.EventProbe;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

/** Renaming and deleting client workspaces (agency-admin). */
@TenantServiceTest
class WorkspaceChangesIT {

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

    @Autowired
    AmqpAdmin amqp;
    @Autowired
    RabbitTemplate rabbit;

    Fixtures fixtures;
    KeycloakProbe kc;
    EventProbe probe;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
        probe = new EventProbe(amqp, rabbit, json, "tenant.workspace.*");
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void anAgencyAdminRenamesAWorkspaceWhichPublishesWorkspaceUpdated() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);

        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(agency.adminUserId())), Map.of("name", "Contoso Retail", "slug", "contoso", "industry", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(workspace.toString()))
                .andExpect(jsonPath("$.name").value("Contoso Retail"))
                .andExpect(jsonPath("$.slug").value("contoso"))
                .andExpect(jsonPath("$.industry").isEmpty());
        mvc.perform(get("/api/workspaces/{w}", workspace).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.name").value("Contoso Retail"));

        List<JsonNode> events = outboxData(agency.tenantId(), "tenant.workspace.updated");
        assertThat(events).hasSize(1);
        assertThat(json.treeToValue(events.get(0), WorkspaceUpdated.class))
                .isEqualTo(new WorkspaceUpdated(workspace, agency.tenantId(), "Contoso Retail", "contoso", null));

        // the same values again change nothing and publish nothing
        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(agency.adminUserId())), Map.of("name", "Contoso Retail")))
                .andExpect(status().isOk());
        assertThat(outboxData(agency.tenantId(), "tenant.workspace.updated")).hasSize(1);
    }

    @Test
    void invalidChangesNameTheFieldAndChangeNothing() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);
        UUID other = fixtures.workspace(agency);
        String otherSlug = workspaceRow(agency.tenantId(), other).slug();
        Workspace before = workspaceRow(agency.tenantId(), workspace);

        assertPatchRejected(agency, workspace, Map.of("name", "  "), "name", 400);
        assertPatchRejected(agency, workspace, Map.of("slug", "Not A Slug"), "slug", 400);
        assertPatchRejected(agency, workspace, Map.of("industry", "x".repeat(101)), "industry", 400);
        assertPatchRejected(agency, workspace, Map.of("name", "Fine", "tenantId", UUID.randomUUID().toString()), "tenantId", 400);
        assertPatchRejected(agency, workspace, Map.of("name", "Fine", "slug", otherSlug), "slug", 409);

        assertThat(workspaceRow(agency.tenantId(), workspace)).isEqualTo(before);
        assertThat(outboxData(agency.tenantId(), "tenant.workspace.updated")).isEmpty();
        assertThat(auditActions(agency.tenantId())).doesNotContain("workspace.updated");
    }

    @Test
    void onlyAnAgencyAdminMayChangeOrDeleteAWorkspace() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);
        Member staff = fixtures.agencyMember(agency, "agency-staff");
        Member clientAdmin = fixtures.clientMember(workspace, agency.adminUserId(), "client-admin");

        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(staff.userId())), Map.of("name", "Staff rename"))).andExpect(status().isForbidden());
        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace).with(Fixtures.as(staff.userId())))
                .andExpect(status().isForbidden());
        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(clientAdmin.userId())), Map.of("name", "Client rename"))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(clientAdmin.userId()))).andExpect(status().isNotFound());

        assertThat(workspaceRow(agency.tenantId(), workspace).name()).doesNotContain("rename");
        assertThat(access.workspacesOf(agency.tenantId())).contains(workspace);
    }

    @Test
    void deletingAWorkspaceRemovesItAndItsMembershipsAtOnceAndPublishesWorkspaceDeleted() throws Exception {
        Agency agency = fixtures.agency("starter");
        UUID doomed = fixtures.workspace(agency);
        UUID kept = fixtures.workspace(agency);
        Member onlyHere = fixtures.clientMember(doomed, agency.adminUserId(), "client-editor");
        Member alsoElsewhere = fixtures.clientMember(doomed, agency.adminUserId(), "client-viewer");
        fixtures.clientMember(kept, agency.adminUserId(), "client-viewer", alsoElsewhere.email());
        String organization = kc.organizationOf(agency.tenantId()).orElseThrow().getId();

        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), doomed).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(doomed.toString()))
                .andExpect(jsonPath("$.status").value("deleting"));

        mvc.perform(get("/api/workspaces/{w}", doomed).with(Fixtures.as(onlyHere.userId()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{w}", doomed).with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{w}", kept).with(Fixtures.as(alsoElsewhere.userId()))).andExpect(status().isOk());
        mvc.perform(get("/api/tenants/{t}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(kept.toString()));
        // nothing of it is left in tenant-service or its access model
        assertThat(TenantContextHolder.callAs(TenantContext.ofTenant(agency.tenantId()), () -> jdbc.sql(
                "select (select count(*) from workspace where workspace_id = :w) + (select count(*) from workspace_member where workspace_id = :w)")
                .param("w", doomed).query(Long.class).single())).isZero();
        assertThat(access.workspacesOf(agency.tenantId())).containsExactly(kept);
        assertThat(jdbc.sql("select count(*) from access_membership where scope_id = ?").param(doomed).query(Long.class).single())
                .isZero();
        // who has no role left in the agency leaves its organization; the others stay
        assertThat(kc.memberIds(organization)).doesNotContain(onlyHere.userId())
                .contains(alsoElsewhere.userId(), agency.adminUserId());
        assertThat(kc.userWithEmail(onlyHere.email())).isPresent();

        EventEnvelope deleted = probe.receiveUntil(event -> event.type().equals(EventTypes.WORKSPACE_DELETED)
                && agency.tenantId().equals(event.tenantId())).stream()
                .filter(event -> event.type().equals(EventTypes.WORKSPACE_DELETED) && agency.tenantId().equals(event.tenantId()))
                .findFirst().orElseThrow();
        assertThat(json.treeToValue(deleted.data(), WorkspaceDeleted.class)).isEqualTo(new WorkspaceDeleted(doomed, agency.tenantId()));
        assertThat(deleted.workspaceId()).isEqualTo(doomed);
        assertThat(auditActions(agency.tenantId())).contains("workspace.deleted");

        // the slot is free again on the starter plan, and the id is gone for good
        fixtures.workspace(agency);
        fixtures.workspace(agency);
        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), doomed).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), "not-a-uuid").with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isNotFound());
    }

    private void assertPatchRejected(Agency agency, UUID workspace, Map<String, ?> body, String field, int status)
            throws Exception {
        mvc.perform(fixtures.json(patch("/api/tenants/{t}/workspaces/{w}", agency.tenantId(), workspace)
                .with(Fixtures.as(agency.adminUserId())), new HashMap<>(body)))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private Workspace workspaceRow(UUID tenantId, UUID workspaceId) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId), () -> jdbc.sql(
                "select workspace_id, tenant_id, name, slug, industry, created_at, version from workspace where workspace_id = ?")
                .param(workspaceId)
                .query((rs, i) -> new Workspace(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant(), rs.getInt(7)))
                .single());
    }

    private List<JsonNode> outboxData(UUID tenantId, String type) {
        return jdbc.sql("select payload::text from outbox where tenant_id = ? and type = ? order by id").params(tenantId, type)
                .query(String.class).list().stream().map(payload -> json.readTree(payload).get("data")).toList();
    }

    private List<String> auditActions(UUID tenantId) {
        return TenantContextHolder.callAs(TenantContext.ofTenant(tenantId),
                () -> jdbc.sql("select action from audit_event where tenant_id = ? order by id").param(tenantId)
                        .query(String.class).list());
    }
}
