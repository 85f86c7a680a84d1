package com.waymark.tenant.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.PurgeCompleted;
import com.waymark.platform.events.TenantDeleted;
import com.waymark.platform.events.TenantUpdated;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.test.TestInfrastructure;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.EventProbe;
import com.waymark.tenant.support.KeycloakProbe;
import com.waymark.tenant.support.TenantServiceTest;

/** Deleting an agency: lock-out, Keycloak clean-up, the event, and the purge reports of every service. */
@TenantServiceTest
class TenantDeletionIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    Keycloak keycloak;

    @Autowired
    AmqpAdmin amqp;

    Fixtures fixtures;
    KeycloakProbe kc;
    EventProbe probe;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        kc = new KeycloakProbe(keycloak);
        probe = new EventProbe(amqp, rabbit, json, "tenant.tenant.*");
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void deletingAnAgencyLocksItsUsersOutDeletesItsIdentitiesAndPublishesTenantDeleted() throws Exception {
        Agency doomed = fixtures.agency("growth");
        Agency other = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(doomed);
        Member editor = fixtures.clientMember(workspace, doomed.adminUserId(), "client-editor");
        Member shared = fixtures.agencyMember(doomed, "agency-staff");
        UUID otherWorkspace = fixtures.workspace(other);
        fixtures.clientMember(otherWorkspace, other.adminUserId(), "client-viewer", shared.email());
        String organization = kc.organizationOf(doomed.tenantId()).orElseThrow().getId();

        mvc.perform(delete("/api/admin/tenants/{t}", doomed.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.tenantId").value(doomed.tenantId().toString()))
                .andExpect(jsonPath("$.status").value("deleting"))
                .andExpect(jsonPath("$.services['mapping-service']").value("pending"))
                .andExpect(jsonPath("$.services['feedback-service']").value("pending"))
                .andExpect(jsonPath("$.services['metrics-service']").value("pending"))
                .andExpect(jsonPath("$.services['tenant-service']").exists());

        // its users are refused at once
        mvc.perform(get("/api/tenants/{t}/workspaces", doomed.tenantId()).with(Fixtures.as(doomed.adminUserId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/workspaces/{w}", workspace).with(Fixtures.as(editor.userId()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/me").with(Fixtures.as(doomed.adminUserId())))
                .andExpect(jsonPath("$.tenant").isEmpty()).andExpect(jsonPath("$.workspaces.length()").value(0));
        // the shared user keeps their other agency
        mvc.perform(get("/api/workspaces/{w}", otherWorkspace).with(Fixtures.as(shared.userId()))).andExpect(status().isOk());

        // Keycloak: organization gone, users of this agency only gone, the shared one kept
        assertThat(kc.organizationOf(doomed.tenantId())).isEmpty();
        assertThat(kc.userWithEmail(doomed.adminEmail())).isEmpty();
        assertThat(kc.userWithEmail(editor.email())).isEmpty();
        assertThat(kc.userWithEmail(shared.email())).isPresent();
        assertThat(kc.organizationOf(other.tenantId())).isPresent();
        assertThat(kc.memberIds(kc.organizationOf(other.tenantId()).orElseThrow().getId())).contains(shared.userId());
        assertThat(organization).isNotBlank();

        // nothing of the agency is left in tenant-service but ids and timestamps
        assertThat(tenantOwnedRows(doomed.tenantId())).isZero();
        mvc.perform(get("/api/admin/tenants/{t}", doomed.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("deleting"))
                .andExpect(jsonPath("$.name").value(org.hamcrest.Matchers.not(doomed.name())))
                .andExpect(jsonPath("$.slug").value(org.hamcrest.Matchers.not(doomed.slug())));
        assertThat(jdbc.sql("select count(*) from access_membership where scope_id in (?, ?)").params(doomed.tenantId(), workspace)
                .query(Long.class).single()).isZero();

        // other services: suspended at once (403 tenant-suspended), then purge on tenant.tenant.deleted
        List<EventEnvelope> events = probe.receiveUntil(deletedEventOf(doomed)).stream()
                .filter(event -> doomed.tenantId().equals(event.tenantId())).toList();
        assertThat(events).extracting(EventEnvelope::type).endsWith(EventTypes.TENANT_UPDATED, EventTypes.TENANT_DELETED);
        assertThat(json.treeToValue(events.get(events.size() - 2).data(), TenantUpdated.class).status()).isEqualTo("suspended");
        assertThat(json.treeToValue(events.get(events.size() - 1).data(), TenantDeleted.class))
                .isEqualTo(new TenantDeleted(doomed.tenantId()));
        assertThat(events.get(events.size() - 1).workspaceId()).isNull();
        assertAuditedOrAlreadyPurged(doomed.tenantId(), "tenant.deleted");

        // the agency's name and slug are free again
        mvc.perform(fixtures.json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/admin/tenants")
                .with(Fixtures.platformAdmin()), Map.of("name", doomed.name(), "slug", doomed.slug(), "plan", "starter",
                        "adminEmail", "again-" + Fixtures.unique() + "@example.test", "adminName", "Again")))
                .andExpect(status().isCreated());
    }

    @Test
    void deletingTwiceChangesNothingMoreAndADeletedAgencyCannotBeChanged() throws Exception {
        Agency doomed = fixtures.agency("starter");
        mvc.perform(delete("/api/admin/tenants/{t}", doomed.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isAccepted());

        mvc.perform(delete("/api/admin/tenants/{t}", doomed.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("deleting"));
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", doomed.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "active"))).andExpect(status().isConflict());

        Agency marker = fixtures.agency("starter"); // published after anything the second request could have published
        List<EventEnvelope> events = probe.receiveUntil(event -> event.type().equals(EventTypes.TENANT_CREATED)
                && marker.tenantId().equals(event.tenantId()));
        assertThat(events).filteredOn(deletedEventOf(doomed)).hasSize(1);
        // suspended in the access model, unless the platform purge has already removed the row altogether
        assertThat(jdbc.sql("select status from access_tenant where tenant_id = ?").param(doomed.tenantId())
                .query(String.class).optional().orElse("suspended")).isEqualTo("suspended");
    }

    @Test
    void theDeletionIsCompleteOnceEveryServiceHasReportedItsPurge() throws Exception {
        Agency doomed = fixtures.agency("starter");
        Instant before = Instant.now();
        mvc.perform(delete("/api/admin/tenants/{t}", doomed.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isAccepted());

        JsonNode progress = fixtures.read(mvc.perform(get("/api/admin/tenants/{t}/deletion", doomed.tenantId())
                .with(Fixtures.platformAdmin())).andExpect(status().isOk()).andReturn());
        assertThat(progress.get("tenantId").asString()).isEqualTo(doomed.tenantId().toString());
        assertThat(progress.get("requestedBy").asString()).isEqualTo("platform-admin-user");
        assertThat(Instant.parse(progress.get("requestedAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(progress.get("complete").asBoolean()).isFalse();
        assertThat(progress.get("services").findValuesAsString("service"))
                .containsExactly("tenant-service", "mapping-service", "feedback-service", "metrics-service");
        assertThat(service(progress, "mapping-service").get("completedAt").isNull()).isTrue();
        assertThat(service(progress, "mapping-service").get("rowsDeleted").isNull()).isTrue();

        // a workspace purge and another tenant's purge change nothing here
        publish(new PurgeCompleted("mapping-service", doomed.tenantId(), UUID.randomUUID(), 5));
        publish(new PurgeCompleted("mapping-service", UUID.randomUUID(), null, 5));
        publish(new PurgeCompleted("mapping-service", doomed.tenantId(), null, 42));
        publish(new PurgeCompleted("feedback-service", doomed.tenantId(), null, 7));
        await().atMost(Duration.ofSeconds(20)).until(() -> !readProgress(doomed).get("services").get(1).get("completedAt").isNull()
                && !readProgress(doomed).get("services").get(2).get("completedAt").isNull());
        assertThat(readProgress(doomed).get("complete").asBoolean()).isFalse();

        publish(new PurgeCompleted("metrics-service", doomed.tenantId(), null, 0));
        publish(new PurgeCompleted("tenant-service", doomed.tenantId(), null, 3));
        await().atMost(Duration.ofSeconds(20)).until(() -> readProgress(doomed).get("complete").asBoolean());

        JsonNode done = readProgress(doomed);
        assertThat(service(done, "mapping-service").get("rowsDeleted").asLong()).isEqualTo(42);
        assertThat(service(done, "feedback-service").get("rowsDeleted").asLong()).isEqualTo(7);
        assertThat(done.get("services")).hasSize(4);
        assertThat(jdbc.sql("select count(*) from tenant_deletion_service where deletion_id = ? and service = 'mapping-service'")
                .param(doomed.tenantId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyPlatformAdminsDeleteAgenciesAndUnknownOnesAreNotFound() throws Exception {
        Agency agency = fixtures.agency("starter");
        Agency neighbour = fixtures.agency("starter");

        for (String user : List.of(agency.adminUserId(), neighbour.adminUserId())) {
            mvc.perform(delete("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/api/admin/tenants/{t}/deletion", agency.tenantId()).with(Fixtures.as(user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(delete("/api/admin/tenants/{t}", UUID.randomUUID()).with(Fixtures.platformAdmin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/tenants/{t}/deletion", agency.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/tenants/{t}/workspaces", agency.tenantId()).with(Fixtures.as(agency.adminUserId())))
                .andExpect(status().isOk());
        assertThat(kc.organizationOf(agency.tenantId())).isPresent();
        assertThat(jdbc.sql("select count(*) from outbox where tenant_id = ? and type = ?")
                .params(agency.tenantId(), EventTypes.TENANT_DELETED).query(Long.class).single()).isZero();
    }

    private JsonNode readProgress(Agency agency) throws Exception {
        return fixtures.read(mvc.perform(get("/api/admin/tenants/{t}/deletion", agency.tenantId()).with(Fixtures.platformAdmin()))
                .andExpect(status().isOk()).andReturn());
    }

    private static JsonNode service(JsonNode progress, String name) {
        for (JsonNode service : progress.get("services")) {
            if (service.get("service").asString().equals(name)) {
                return service;
            }
        }
        throw new AssertionError("no " + name + " in " + progress);
    }

    /** What another service's purge would publish on {@code cx.events}. */
    private void publish(PurgeCompleted purge) {
        String type = EventTypes.purgeCompleted(purge.service());
        EventEnvelope event = new EventEnvelope(Uuids.timeOrdered(), type, 1, Instant.now(), purge.tenantId(),
                purge.workspaceId(), json.valueToTree(purge));
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send("cx.events", type, MessageBuilder.withBody(json.writeValueAsBytes(event)).andProperties(properties).build());
    }

    private static java.util.function.Predicate<EventEnvelope> deletedEventOf(Agency agency) {
        return event -> event.type().equals(EventTypes.TENANT_DELETED) && agency.tenantId().equals(event.tenantId());
    }

    /**
     * The audit row is written in the deletion's transaction; the platform purge then removes it with
     * the agency's other rows, recording the purge in {@code purged_scope} in the same transaction.
     * So: either the row is still there, or the purge has run.
     */
    private void assertAuditedOrAlreadyPurged(UUID tenantId, String action) throws Exception {
        try (Connection admin = TestInfrastructure.adminConnection("tenant-service");
                PreparedStatement audited = admin.prepareStatement(
                        "select count(*) from audit_event where tenant_id = ? and action = ?");
                PreparedStatement purged = admin.prepareStatement("select count(*) from purged_scope where scope_id = ?")) {
            audited.setObject(1, tenantId);
            audited.setString(2, action);
            purged.setObject(1, tenantId);
            try (ResultSet a = audited.executeQuery()) {
                a.next();
                if (a.getLong(1) == 1) {
                    return;
                }
            }
            try (ResultSet p = purged.executeQuery()) {
                p.next();
                assertThat(p.getLong(1)).as("no " + action + " audit row, and the tenant was not purged").isEqualTo(1);
            }
        }
    }

    /** As the superuser, past row-level security. */
    private static long tenantOwnedRows(UUID tenantId) throws Exception {
        try (Connection admin = TestInfrastructure.adminConnection("tenant-service");
                PreparedStatement count = admin.prepareStatement("""
                        select (select count(*) from workspace where tenant_id = ?)
                             + (select count(*) from tenant_member where tenant_id = ?)
                             + (select count(*) from workspace_member where tenant_id = ?)""")) {
            for (int i = 1; i <= 3; i++) {
                count.setObject(i, tenantId);
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
