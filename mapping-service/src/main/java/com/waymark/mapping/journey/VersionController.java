package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/journeys/{journeyId}/versions")
@Tag(name = "Journey versions", description = "Labelled snapshots of a journey map, read back and compared")
class VersionController {

    private final VersionService versions;

    VersionController(VersionService versions) {
        this.versions = versions;
    }

    @PostMapping
    @Operation(summary = "Snapshot the whole map under a label; versions are numbered 1, 2, … per journey")
    ResponseEntity<JourneyVersion> create(WorkspaceAccess access, @PathVariable UUID journeyId,
            @Valid @RequestBody VersionFields body) {
        JourneyVersion created = versions.create(access, journeyId, body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}")
                .buildAndExpand(created.number()).toUri()).body(created);
    }

    @GetMapping
    @Operation(summary = "The journey's versions, newest first")
    Page<JourneyVersion> list(WorkspaceAccess access, @PathVariable UUID journeyId) {
        return versions.list(access, journeyId);
    }

    @GetMapping("/{number}")
    @Operation(summary = "The map as it was in that version (the shape of GET .../journeys/{id})")
    JsonNode get(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable int number) {
        return versions.snapshot(access, journeyId, number);
    }

    @GetMapping("/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another",
            description = "Journey field changes; per stage: added/removed/renamed/moved, its touchpoints added/removed/changed "
                    + "(each field from → to) and the notes at it; notes at no stage; and a summary, one line per change")
    VersionDiff diff(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable int from, @PathVariable int to) {
        return versions.diff(access, journeyId, from, to);
    }
}
