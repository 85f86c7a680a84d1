package com.waymark.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.messaging.Outbox;

@RestController
class NoteController {

    record NewNote(@NotBlank @Size(max = 200) String text) {
    }

    record Note(UUID id, String text) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;

    NoteController(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @PostMapping("/api/workspaces/{workspaceId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Note create(@PathVariable UUID workspaceId, WorkspaceAccess access, @Valid @RequestBody NewNote body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into probe_note (tenant_id, workspace_id, id, text) values (?, ?, ?, ?)")
                .params(access.tenantId(), workspaceId, id, body.text()).update();
        outbox.append(PlatformTestApplication.NOTE_CREATED, 1, access.tenantId(), workspaceId, Map.of("noteId", id));
        if (body.text().contains("fail-after-write")) {
            throw new IllegalStateException("simulated failure after the write");
        }
        return new Note(id, body.text());
    }

    /** Deliberately without a WHERE clause: row-level security alone must keep other workspaces out. */
    @GetMapping("/api/workspaces/{workspaceId}/notes")
    List<Note> list(@PathVariable UUID workspaceId) {
        return jdbc.sql("select id, text from probe_note order by text").query(Note.class).list();
    }
}
