package com.waymark.tenant.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessEventHandler;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Permission;
import com.waymark.platform.error.TenantSuspendedException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.TenantUpdated;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.test.TestInfrastructure;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.TenantServiceTest;

/**
 * Suspension end to end: tenant-service refuses at once, and the {@code tenant.tenant.updated} it
 * publishes makes another service's access model (the platform's, on its own database, fed the
 * events from {@code cx.events} exactly as its listener would) refuse with 403 tenant-suspended;
 * reactivation restores access on both sides.
 */
@TenantServiceTest
class SuspensionIT {

    /** Stands in for another service: its own database with the platform's tables only. */
    static AccessModel otherService;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    AmqpAdmin amqp;
    @Autowired
    RabbitTemplate rabbit;

    Fixtures fixtures;
    String queue;
    AccessEventHandler otherServiceListener;

    @BeforeAll
    static void otherServiceDatabase() {
        String url = TestInfrastructure.databaseUrl("suspension-probe");
        Flyway.configure().dataSource(url, "waymark_owner", "waymark_owner").locations("classpath:db/platform")
                .placeholders(Map.of("app_role", "waymark_app")).load().migrate();
        otherService = new AccessModel(JdbcClient.create(new DriverManagerDataSource(url, "waymark_app", "waymark_app")));
    }

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        otherServiceListener = new AccessEventHandler(otherService, json);
        queue = "tenant-service-test.suspension-" + Fixtures.unique();
        amqp.declareQueue(new Queue(queue, false, false, true));
        amqp.declareBinding(BindingBuilder.bind(new Queue(queue)).to(new TopicExchange("cx.events")).with("tenant.#"));
    }

    @AfterEach
    void tearDown() {
        amqp.deleteQueue(queue);
    }

    @Test
    void suspendingAnAgencyLocksItsUsersOutOfEveryServiceAndReactivatingLetsThemBackIn() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);
        Member editor = fixtures.clientMember(workspace, agency.adminUserId(), "client-editor");
        deliverUntil(agency.tenantId(), EventTypes.MEMBER_ADDED, 2);
        assertThat(otherService.requireWorkspace(editor.userId(), workspace, Permission.WRITE).tenantId())
                .isEqualTo(agency.tenantId());

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "suspended"))).andExpect(status().isOk());

        mvc.perform(get("/api/workspaces/{w}", workspace).with(Fixtures.as(editor.userId())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/tenant-suspended"));
        EventEnvelope suspended = deliverUntil(agency.tenantId(), EventTypes.TENANT_UPDATED, 1);
        assertThat(json.treeToValue(suspended.data(), TenantUpdated.class).status()).isEqualTo("suspended");
        assertThat(suspended.workspaceId()).isNull();
        assertThatThrownBy(() -> otherService.requireWorkspace(editor.userId(), workspace, Permission.READ))
                .isInstanceOf(TenantSuspendedException.class);
        assertThatThrownBy(() -> otherService.requireTenant(agency.adminUserId(), agency.tenantId(), Permission.READ))
                .isInstanceOf(TenantSuspendedException.class);

        mvc.perform(fixtures.json(patch("/api/admin/tenants/{t}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("status", "active"))).andExpect(status().isOk());

        mvc.perform(get("/api/workspaces/{w}", workspace).with(Fixtures.as(editor.userId()))).andExpect(status().isOk());
        EventEnvelope reactivated = deliverUntil(agency.tenantId(), EventTypes.TENANT_UPDATED, 1);
        assertThat(json.treeToValue(reactivated.data(), TenantUpdated.class).status()).isEqualTo("active");
        assertThat(otherService.requireWorkspace(editor.userId(), workspace, Permission.WRITE).role().value())
                .isEqualTo("client-editor");
    }

    /**
     * Feeds the agency's events from the test queue to the other service's access handler, in the
     * order they arrive, until {@code count} more of {@code type} were applied; returns the last one.
     */
    private EventEnvelope deliverUntil(UUID tenantId, String type, int count) {
        List<EventEnvelope> matching = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Message message;
            while (matching.size() < count && (message = rabbit.receive(queue)) != null) {
                EventEnvelope event = json.readValue(message.getBody(), EventEnvelope.class);
                if (!tenantId.equals(event.tenantId())) {
                    continue;
                }
                otherServiceListener.handle(event);
                if (event.type().equals(type)) {
                    matching.add(event);
                }
            }
            return matching.size() >= count;
        });
        return matching.get(count - 1);
    }
}
