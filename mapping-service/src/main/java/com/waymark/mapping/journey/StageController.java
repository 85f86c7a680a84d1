package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.WorkspaceAccess;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/journeys/{journeyId}/stages")
@Tag(name = "Stages", description = "The ordered phases of a journey")
class StageController {

    private final StageService stages;

    StageController(StageService stages) {
        this.stages = stages;
    }

    @PostMapping
    @Operation(summary = "Add a stage, at the end unless a position (0-based) is given", description = "A map holds at most 50 stages.")
    ResponseEntity<Stage> create(WorkspaceAccess access, @PathVariable UUID journeyId, @Valid @RequestBody StageFields body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Stage created = stages.create(access, journeyId, body, ifMatch);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PatchMapping("/{stageId}")
    @Operation(summary = "Rename or move a stage (JSON merge patch)")
    Stage update(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID stageId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = StageFields.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return stages.update(access, journeyId, stageId, patch, ifMatch);
    }

    @PutMapping("/order")
    @Operation(summary = "Reorder the stages; the list must name exactly the journey's stages")
    List<Stage> reorder(WorkspaceAccess access, @PathVariable UUID journeyId, @Valid @RequestBody StageOrder body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return stages.reorder(access, journeyId, body, ifMatch);
    }

    @DeleteMapping("/{stageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a stage with its touchpoints; notes on it stay on the journey")
    void delete(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID stageId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        stages.delete(access, journeyId, stageId, ifMatch);
    }
}
