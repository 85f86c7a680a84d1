package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.ETags;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/journeys")
@Tag(name = "Journeys", description = "Journey maps: a journey with its stages, touchpoints, blueprint lanes and notes")
class JourneyController {

    private final JourneyService journeys;

    JourneyController(JourneyService journeys) {
        this.journeys = journeys;
    }

    @GetMapping
    @Operation(summary = "List journeys (without their content)",
            description = "reviewDue=true lists only journeys whose last review plus their review cadence is past; false only the others")
    Page<Journey> list(WorkspaceAccess access, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Boolean reviewDue) {
        return journeys.list(access, limit, cursor, reviewDue);
    }

    @PostMapping
    @Operation(summary = "Create a journey; returns its (empty) map with Location and ETag")
    ResponseEntity<JourneyMap> create(WorkspaceAccess access, @Valid @RequestBody JourneyFields body) {
        JourneyMap created = journeys.create(access, body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).eTag(ETags.of(created.version())).body(created);
    }

    @GetMapping("/{journeyId}")
    @Operation(summary = "The whole map: stages in order with their touchpoints, pain points, opportunities, evidence",
            description = "The ETag is the map's version; send it as If-Match on changes to detect concurrent edits (412)")
    @Nullable
    ResponseEntity<JourneyMap> get(WorkspaceAccess access, @PathVariable UUID journeyId, WebRequest request) {
        JourneyMap map = journeys.map(access, journeyId);
        if (request.checkNotModified(ETags.of(map.version()))) {
            return null;
        }
        return ResponseEntity.ok().eTag(ETags.of(map.version())).body(map);
    }

    @PatchMapping("/{journeyId}")
    @Operation(summary = "Change a journey's fields (JSON merge patch: absent fields stay, null clears or resets to the default)")
    ResponseEntity<JourneyMap> update(WorkspaceAccess access, @PathVariable UUID journeyId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = JourneyFields.class)))
            @RequestBody JsonNode patch, @Parameter(description = "the map's ETag") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        JourneyMap map = journeys.update(access, journeyId, patch, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(map.version())).body(map);
    }

    @PostMapping("/{journeyId}/reviews")
    @Operation(summary = "Record that the map was reviewed today: its next review is due a full cadence from now")
    ResponseEntity<JourneyMap> review(WorkspaceAccess access, @PathVariable UUID journeyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        JourneyMap map = journeys.markReviewed(access, journeyId, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(map.version())).body(map);
    }

    @DeleteMapping("/{journeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a journey with its whole map")
    void delete(WorkspaceAccess access, @PathVariable UUID journeyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        journeys.delete(access, journeyId, ifMatch);
    }
}
