package com.waymark.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;
import com.waymark.platform.test.TestUsers;

@ProbeTest
class MessagingIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessModel access;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aCommittedChangeIsPublishedAndConsumedExactlyOnceEvenWhenRedelivered() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace workspace = tenancy.newWorkspace();
        String editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(editor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hello\"}"))
                .andExpect(status().isCreated());

        await().atMost(Duration.ofSeconds(10)).until(() -> seenIn(workspace) == 1);
        String payload = jdbc.sql("select payload::text from outbox where workspace_id = ? and sent_at is not null")
                .param(workspace.workspaceId()).query(String.class).single();

        // the broker (or the relay after a crash) delivers the same event again
        rabbit.send("cx.events", PlatformTestApplication.NOTE_CREATED, MessageBuilder.withBody(payload.getBytes())
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());
        // one consumer per queue handles events in order: once a later event is seen, the duplicate was handled
        Tenancy.Workspace later = tenancy.newWorkspace();
        mvc.perform(post("/api/workspaces/{ws}/notes", later.workspaceId())
                .with(TestUsers.as(tenancy.member(later, Role.CLIENT_EDITOR)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"later\"}"))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(10)).until(() -> seenIn(later) == 1);

        UUID eventId = jdbc.sql("select id from outbox where workspace_id = ?")
                .param(workspace.workspaceId()).query(UUID.class).single();
        assertThat(seenIn(workspace)).isEqualTo(1);
        assertThat(inboxCount(eventId)).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace workspace = tenancy.newWorkspace();
        String editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        mvc.perform(post("/api/workspaces/{ws}/notes", workspace.workspaceId()).with(TestUsers.as(editor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"fail-after-write\"}"))
                .andExpect(status().isInternalServerError());

        int events = jdbc.sql("select count(*) from outbox where workspace_id = ?").param(workspace.workspaceId())
                .query(Integer.class).single();
        int notes = TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), workspace.workspaceId()),
                () -> jdbc.sql("select count(*) from probe_note").query(Integer.class).single());
        assertThat(events).isZero();
        assertThat(notes).isZero();
    }

    @Test
    void anUnreadableMessageIsDeadLettered() {
        String marker = "not json " + UUID.randomUUID();
        rabbit.send("cx.events", PlatformTestApplication.NOTE_CREATED, MessageBuilder.withBody(marker.getBytes()).build());

        Message dead = rabbit.receive(PlatformTestApplication.QUEUE + ".dlq", 10_000);

        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody())).isEqualTo(marker);
    }

    private int seenIn(Tenancy.Workspace workspace) {
        return TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), workspace.workspaceId()),
                () -> jdbc.sql("select count(*) from probe_seen").query(Integer.class).single());
    }

    private int inboxCount(UUID eventId) {
        return jdbc.sql("select count(*) from inbox where event_id = ?").param(eventId).query(Integer.class).single();
    }
}
