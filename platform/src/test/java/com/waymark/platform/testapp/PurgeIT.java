package com.waymark.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TenantDeleted;
import com.waymark.platform.events.WorkspaceDeleted;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestInfrastructure;

@ProbeTest
class PurgeIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessModel access;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    JsonMapper json;

    @Test
    void aDeletedTenantLeavesNoRowBehindAndOtherTenantsKeepTheirs() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace first = tenancy.newWorkspace();
        Tenancy.Workspace second = tenancy.workspaceIn(first.tenantId());
        tenancy.member(first, Role.AGENCY_ADMIN);
        tenancy.member(second, Role.CLIENT_EDITOR);
        Tenancy.Workspace other = tenancy.newWorkspace();
        seed(first, 3);
        seed(second, 2);
        seed(other, 1);

        publish(EventTypes.TENANT_DELETED, first.tenantId(), null, new TenantDeleted(first.tenantId()));

        await().atMost(Duration.ofSeconds(10)).until(() -> rowsOfTenant(first.tenantId()) == 0);
        assertThat(rowsOfTenant(other.tenantId())).isEqualTo(4); // its note, comment, workspace and tenant
        assertThat(access.findWorkspaceAccess("anyone", first.workspaceId())).isEmpty();
        int reported = jdbc.sql("select count(*) from outbox where type = 'platform-probe.purge.completed' and tenant_id = ?")
                .param(first.tenantId()).query(Integer.class).single();
        assertThat(reported).isEqualTo(1);
    }

    @Test
    void aLateEventForAPurgedTenantDoesNotBringItsDataBack() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace gone = tenancy.newWorkspace();
        publish(EventTypes.TENANT_DELETED, gone.tenantId(), null, new TenantDeleted(gone.tenantId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from purged_scope where scope_id = ?")
                .param(gone.tenantId()).query(Integer.class).single() == 1);

        UUID lateEvent = publish(PlatformTestApplication.NOTE_CREATED, gone.tenantId(), gone.workspaceId(),
                java.util.Map.of("noteId", UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from inbox where event_id = ?")
                .param(lateEvent).query(Integer.class).single() == 1);
        assertThat(rowsOfTenant(gone.tenantId())).isZero();
    }

    @Test
    void aDeletedWorkspaceLosesItsRowsWhileItsSiblingKeepsThem() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace doomed = tenancy.newWorkspace();
        Tenancy.Workspace sibling = tenancy.workspaceIn(doomed.tenantId());
        seed(doomed, 2);
        seed(sibling, 2);

        publish(EventTypes.WORKSPACE_DELETED, doomed.tenantId(), doomed.workspaceId(),
                new WorkspaceDeleted(doomed.workspaceId(), doomed.tenantId()));

        await().atMost(Duration.ofSeconds(10)).until(() -> rowsOfWorkspace(doomed.workspaceId()) == 0);
        assertThat(rowsOfWorkspace(sibling.workspaceId())).isEqualTo(4);
    }

    private void seed(Tenancy.Workspace workspace, int notes) {
        TenantContextHolder.runAs(TenantContext.ofWorkspace(workspace.tenantId(), workspace.workspaceId()), () -> {
            for (int i = 0; i < notes; i++) {
                UUID note = UUID.randomUUID();
                jdbc.sql("insert into probe_note (tenant_id, workspace_id, id, text) values (?, ?, ?, 'n')")
                        .params(workspace.tenantId(), workspace.workspaceId(), note).update();
                jdbc.sql("insert into probe_comment (tenant_id, workspace_id, id, note_id, text) values (?, ?, ?, ?, 'c')")
                        .params(workspace.tenantId(), workspace.workspaceId(), UUID.randomUUID(), note).update();
            }
        });
    }

    private UUID publish(String type, UUID tenantId, UUID workspaceId, Object data) {
        EventEnvelope envelope = new EventEnvelope(Uuids.timeOrdered(), type, 1, Instant.now(), tenantId, workspaceId,
                json.valueToTree(data));
        rabbit.send("cx.events", type, MessageBuilder.withBody(json.writeValueAsBytes(envelope))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());
        return envelope.id();
    }

    /** Counted as the superuser, past row-level security: what really remains in the database. */
    private int rowsOfTenant(UUID tenantId) throws Exception {
        return count("""
                select (select count(*) from probe_note where tenant_id = ?)
                     + (select count(*) from probe_comment where tenant_id = ?)
                     + (select count(*) from access_workspace where tenant_id = ?)
                     + (select count(*) from access_tenant where tenant_id = ?)""", tenantId, 4);
    }

    private int rowsOfWorkspace(UUID workspaceId) throws Exception {
        return count("""
                select (select count(*) from probe_note where workspace_id = ?)
                     + (select count(*) from probe_comment where workspace_id = ?)""", workspaceId, 2);
    }

    private int count(String sql, UUID id, int params) throws Exception {
        try (Connection admin = TestInfrastructure.adminConnection("platform-probe");
                PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int i = 1; i <= params; i++) {
                statement.setObject(i, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
