package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.platform.access.WorkspaceAccess;

/** The notes on a map; they are read as part of the map ({@code GET .../journeys/{id}}). */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}/journeys/{journeyId}")
@Tag(name = "Journey notes", description = "Pain points, opportunities and evidence on a journey map")
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @PostMapping("/painPoints")
    @Operation(summary = "Add a pain point (severity 1 … 5), optionally at a stage or touchpoint of the journey")
    ResponseEntity<PainPoint> createPainPoint(WorkspaceAccess access, @PathVariable UUID journeyId,
            @Valid @RequestBody PainPointFields body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        PainPoint created = notes.createPainPoint(access, journeyId, body, ifMatch);
        return ResponseEntity.created(location(created.id())).body(created);
    }

    @PatchMapping("/painPoints/{painPointId}")
    @Operation(summary = "Change a pain point (JSON merge patch)")
    PainPoint updatePainPoint(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID painPointId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PainPointFields.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return notes.updatePainPoint(access, journeyId, painPointId, patch, ifMatch);
    }

    @DeleteMapping("/painPoints/{painPointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a pain point; opportunities for it stay")
    void deletePainPoint(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID painPointId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        notes.delete(access, journeyId, Notes.NoteKind.PAIN_POINT, painPointId, ifMatch);
    }

    @PostMapping("/opportunities")
    @Operation(summary = "Add an opportunity (impact and effort 1 … 5, status idea|planned|in-progress|done)")
    ResponseEntity<Opportunity> createOpportunity(WorkspaceAccess access, @PathVariable UUID journeyId,
            @Valid @RequestBody OpportunityFields body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Opportunity created = notes.createOpportunity(access, journeyId, body, ifMatch);
        return ResponseEntity.created(location(created.id())).body(created);
    }

    @PatchMapping("/opportunities/{opportunityId}")
    @Operation(summary = "Change an opportunity (JSON merge patch)")
    Opportunity updateOpportunity(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID opportunityId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = OpportunityFields.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return notes.updateOpportunity(access, journeyId, opportunityId, patch, ifMatch);
    }

    @DeleteMapping("/opportunities/{opportunityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an opportunity")
    void deleteOpportunity(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID opportunityId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        notes.delete(access, journeyId, Notes.NoteKind.OPPORTUNITY, opportunityId, ifMatch);
    }

    @PostMapping("/evidence")
    @Operation(summary = "Add evidence (a quote, observation or data point with its source), optionally at a stage or touchpoint")
    ResponseEntity<Evidence> createEvidence(WorkspaceAccess access, @PathVariable UUID journeyId,
            @Valid @RequestBody EvidenceFields body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Evidence created = notes.createEvidence(access, journeyId, body, ifMatch);
        return ResponseEntity.created(location(created.id())).body(created);
    }

    @PatchMapping("/evidence/{evidenceId}")
    @Operation(summary = "Change a piece of evidence (JSON merge patch)")
    Evidence updateEvidence(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID evidenceId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = EvidenceFields.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return notes.updateEvidence(access, journeyId, evidenceId, patch, ifMatch);
    }

    @DeleteMapping("/evidence/{evidenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a piece of evidence")
    void deleteEvidence(WorkspaceAccess access, @PathVariable UUID journeyId, @PathVariable UUID evidenceId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        notes.delete(access, journeyId, Notes.NoteKind.EVIDENCE, evidenceId, ifMatch);
    }

    private static URI location(UUID id) {
        return ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
    }
}
