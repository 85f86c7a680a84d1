package com.waymark.platform.testapp;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.waymark.platform.messaging.EventSubscription;

/** A minimal service built on the platform, so the platform is tested the way services use it. */
@SpringBootApplication
public class PlatformTestApplication {

    public static final String NOTE_CREATED = "probe.note.created";
    public static final String QUEUE = "platform-probe.notes";

    public static void main(String[] args) {
        SpringApplication.run(PlatformTestApplication.class, args);
    }

    @Bean
    EventSubscription noteEvents(JdbcClient jdbc) {
        return new EventSubscription(QUEUE, List.of("probe.note.*"), event -> jdbc.sql("""
                insert into probe_seen (tenant_id, workspace_id, event_id, note_id) values (?, ?, ?, ?)""")
                .params(event.tenantId(), event.workspaceId(), event.id(),
                        UUID.fromString(event.data().get("noteId").asString()))
                .update());
    }
}
