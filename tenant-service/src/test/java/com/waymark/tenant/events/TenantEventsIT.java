package com.waymark.tenant.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.MemberAdded;
import com.waymark.platform.events.TenantCreated;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.tenant.support.Fixtures;
import com.waymark.tenant.support.Fixtures.Agency;
import com.waymark.tenant.support.Fixtures.Member;
import com.waymark.tenant.support.TenantServiceTest;

/** Every change lands in the outbox in its own transaction and reaches {@code cx.events} for the other services. */
@TenantServiceTest
class TenantEventsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AmqpAdmin amqp;
    @Autowired
    RabbitTemplate rabbit;

    Fixtures fixtures;
    String queue;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc, json);
        // a consumer standing in for another service's access-model queue
        queue = "tenant-service-test.listener-" + Fixtures.unique();
        amqp.declareQueue(new Queue(queue, false, false, true));
        Binding binding = BindingBuilder.bind(new Queue(queue)).to(new TopicExchange("cx.events")).with("tenant.#");
        amqp.declareBinding(binding);
    }

    @AfterEach
    void tearDown() {
        amqp.deleteQueue(queue);
    }

    @Test
    void tenantEventsAreWrittenToTheOutboxAndPublishedToOtherServices() throws Exception {
        Agency agency = fixtures.agency("growth");
        UUID workspace = fixtures.workspace(agency);
        Member editor = fixtures.clientMember(workspace, agency.adminUserId(), "client-editor");
        mvc.perform(delete("/api/workspaces/{ws}/members/{userId}", workspace, editor.userId())
                .with(Fixtures.as(agency.adminUserId()))).andExpect(status().isNoContent());
        mvc.perform(fixtures.json(patch("/api/admin/tenants/{id}", agency.tenantId()).with(Fixtures.platformAdmin()),
                Map.of("plan", "scale"))).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from outbox where tenant_id = ? and sent_at is null").param(agency.tenantId())
                .query(Long.class).single() == 0);
        List<EventEnvelope> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Message message;
            while ((message = rabbit.receive(queue)) != null) {
                EventEnvelope event = json.readValue(message.getBody(), EventEnvelope.class);
                if (agency.tenantId().equals(event.tenantId())) {
                    received.add(event);
                }
            }
            return received.size() >= 6;
        });

        assertThat(received).extracting(EventEnvelope::type).containsExactlyInAnyOrder(
                EventTypes.TENANT_CREATED, EventTypes.MEMBER_ADDED, EventTypes.WORKSPACE_CREATED,
                EventTypes.MEMBER_ADDED, EventTypes.MEMBER_REMOVED, EventTypes.TENANT_UPDATED);
        EventEnvelope tenantCreated = only(received, EventTypes.TENANT_CREATED);
        assertThat(tenantCreated.workspaceId()).isNull();
        assertThat(json.treeToValue(tenantCreated.data(), TenantCreated.class))
                .isEqualTo(new TenantCreated(agency.tenantId(), agency.name(), agency.slug(), "growth", "active"));
        EventEnvelope workspaceCreated = only(received, EventTypes.WORKSPACE_CREATED);
        assertThat(workspaceCreated.workspaceId()).isEqualTo(workspace);
        assertThat(json.treeToValue(workspaceCreated.data(), WorkspaceCreated.class).tenantId()).isEqualTo(agency.tenantId());
        assertThat(received.stream().filter(e -> e.type().equals(EventTypes.MEMBER_ADDED))
                .map(e -> json.treeToValue(e.data(), MemberAdded.class)))
                .extracting(MemberAdded::userId, MemberAdded::scopeType, MemberAdded::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(agency.adminUserId(), "tenant", "agency-admin"),
                        org.assertj.core.groups.Tuple.tuple(editor.userId(), "workspace", "client-editor"));
        assertThat(only(received, EventTypes.MEMBER_REMOVED).workspaceId()).isEqualTo(workspace);
    }

    private static EventEnvelope only(List<EventEnvelope> events, String type) {
        List<EventEnvelope> matching = events.stream().filter(event -> event.type().equals(type)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
