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
@RequestMapping("/api/workspaces/{workspaceId}/journeys/{journeyId}/stages/{stageId}/touchpoints")
@Tag(name = "Touchpoints", description = "Moments of contact in a stage, with channel, expected emotion and blueprint lanes")
class TouchpointController {

    private final TouchpointService touchpoints;

    TouchpointController(TouchpointService touchpoints) {
        this.touchpoints = touchpoints;
    }

    @PostMapping
    @Operation(summary = "Add a touchpoint to a stage, at the end unless a position is given",
            description = "channelId must be a channel of this workspace (else 404); expectedEmotion is −2 … 2 (default 0); "
                    + "parentTouchpointId makes it a sub-touchpoint of a top-level touchpoint of this stage (one level only; "
                    + "a touchpoint not in this journey is a 404). A map holds at most 1,200 touchpoints.")
    ResponseEntity<Touchpoint> create(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID stageId,
            @Valid @RequestBody TouchpointFields body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Touchpoint created = touchpoints.create(access, journeyId, stageId, body, ifMatch);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @PatchMapping("/{touchpointId}")
    @Operation(summary = "Change, move within the stage (position) or move to another stage of the journey (stageId)",
            description = "JSON merge patch: absent fields stay, null clears; lanes merge field by field. A touchpoint moved to "
                    + "another stage takes its sub-touchpoints along (right after it); a sub-touchpoint moved alone becomes "
                    + "top-level there unless the patch names a parentTouchpointId of that stage.")
    Touchpoint update(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID stageId,
            @PathVariable UUID touchpointId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TouchpointFields.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return touchpoints.update(access, journeyId, stageId, touchpointId, patch, ifMatch);
    }

    @PutMapping("/order")
    @Operation(summary = "Reorder the stage's touchpoints; the list must name exactly its touchpoints (sub-touchpoints included)",
            description = "Answers the stage's touchpoints in their new order. Honours If-Match like every change to the map.")
    List<Touchpoint> reorder(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID stageId,
            @Valid @RequestBody TouchpointOrder body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return touchpoints.reorder(access, journeyId, stageId, body, ifMatch);
    }

    @DeleteMapping("/{touchpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a touchpoint with its sub-touchpoints; notes on them stay on their stage")
    void delete(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID stageId,
            @PathVariable UUID touchpointId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        touchpoints.delete(access, journeyId, stageId, touchpointId, ifMatch);
    }
}
