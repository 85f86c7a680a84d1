package com.waymark.feedback.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.web.ETags;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/cases")
@Tag(name = "Follow-up cases", description = "Closing the loop with unhappy respondents: owner, status, due date")
class CaseController {

    private final FollowUpCases cases;

    CaseController(FollowUpCases cases) {
        this.cases = cases;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a follow-up case",
            description = "Due after the SLA (waymark.feedback.case-sla, default 2 days) unless dueAt is given. "
                    + "Opened as closed it needs a resolution. "
                    + "Idempotent with an Idempotency-Key header: a retry returns the case opened first.")
    ResponseEntity<CaseView> create(@PathVariable UUID workspaceId, WorkspaceAccess access, @RequestBody CaseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        FollowUpCase followUp = cases.create(access, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/cases/" + followUp.id()))
                .eTag(ETags.of(followUp.version()))
                .body(view(followUp));
    }

    @GetMapping
    @Operation(summary = "List follow-up cases, newest first")
    Page<CaseView> list(@PathVariable UUID workspaceId,
            @Parameter(description = "open, in-progress or closed") @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "exactly this owner") @RequestParam(required = false) @Nullable String owner,
            @Parameter(description = "true: not closed and past dueAt; false: the others") @RequestParam(required = false)
            @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        CaseStatus wanted = status == null ? null : CaseStatus.fromValue(status)
                .orElseThrow(() -> new ValidationException("status", "must be " + CaseStatus.ALL));
        String wantedOwner = owner == null || owner.isBlank() ? null : owner.strip();
        Page<FollowUpCase> page = cases.list(workspaceId, new CaseRepository.Filter(wanted, wantedOwner, overdue), cursor, limit);
        Instant now = cases.now();
        return new Page<>(page.items().stream().map(c -> CaseView.of(c, now)).toList(), page.nextCursor());
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Get a follow-up case", description = "The ETag is its version; send it back as If-Match when editing.")
    ResponseEntity<CaseView> get(@PathVariable UUID workspaceId, @PathVariable UUID caseId) {
        FollowUpCase followUp = cases.get(workspaceId, caseId);
        return ResponseEntity.ok().eTag(ETags.of(followUp.version())).body(view(followUp));
    }

    @PatchMapping(path = "/{caseId}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
    @Operation(summary = "Edit a follow-up case (JSON merge patch)",
            description = "title, owner, status, dueAt, note and resolution; closing needs a resolution (400 without one) "
                    + "and stamps closedAt, reopening clears closedAt. responseId, surveyId, touchpointId and journeyId are "
                    + "fixed. If-Match → 412 on a stale version.")
    ResponseEntity<CaseView> patch(@PathVariable UUID workspaceId, @PathVariable UUID caseId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CaseRequest.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        FollowUpCase followUp = cases.patch(workspaceId, caseId, patch, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(followUp.version())).body(view(followUp));
    }

    private CaseView view(FollowUpCase followUp) {
        return CaseView.of(followUp, cases.now());
    }
}
