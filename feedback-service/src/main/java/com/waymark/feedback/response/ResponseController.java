package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.Role;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.web.Page;

@RestController
@Tag(name = "Responses", description = "Responses received through links and widgets or imported from CSV")
class ResponseController {

    static final String CSV = "text/csv";

    private final Responses responses;
    private final ResponseExport export;

    ResponseController(Responses responses, ResponseExport export) {
        this.responses = responses;
        this.export = export;
    }

    @GetMapping("/api/workspaces/{workspaceId}/responses")
    @Operation(summary = "List responses, newest submission first",
            description = "minScore/maxScore (inclusive, 0–10) filter on the headline score: the answer to the survey's "
                    + "first NPS, CSAT or CES question; responses without one do not match a score bound. "
                    + "With `Accept: text/csv` the same filter exports every matching response (see the CSV operation).")
    Page<ResponseView> list(@PathVariable UUID workspaceId,
            @RequestParam(required = false) @Nullable UUID surveyId,
            @RequestParam(required = false) @Nullable UUID touchpointId,
            @Parameter(description = "submitted at or after (ISO-8601)") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "submitted before (ISO-8601)") @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "headline score at least (0–10)") @RequestParam(required = false) @Nullable Integer minScore,
            @Parameter(description = "headline score at most (0–10)") @RequestParam(required = false) @Nullable Integer maxScore,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ResponseFilter filter = new ResponseFilter(surveyId, touchpointId, from, to, minScore, maxScore);
        Page<StoredResponse> page = responses.list(workspaceId, filter, cursor, limit);
        return new Page<>(page.items().stream().map(ResponseView::of).toList(), page.nextCursor());
    }

    @GetMapping(path = "/api/workspaces/{workspaceId}/responses", produces = CSV)
    @Operation(summary = "Export responses as CSV",
            description = "Every response matching the filters (not one page), newest first, streamed. Columns "
                    + "`submissionId,submittedAt,lang,segment,channel`, then one per question id (the filtered survey's "
                    + "questions in order, then any other question answered); multi-choice cells join option ids with `|`, "
                    + "so a survey's export can be imported again. Cells that a spreadsheet would take for a formula "
                    + "(starting with = + - @) get a leading `'`.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = "string",
            example = "submissionId,submittedAt,lang,segment,channel,nps,comment\r\n"
                    + "0b5e0c1e-5b7a-4a53-9d7e-1a2b3c4d5e6f,2026-01-31T09:30:00Z,en,returning,Online,9,\"Great, fast\"\r\n")))
    void export(@PathVariable UUID workspaceId,
            @RequestParam(required = false) @Nullable UUID surveyId,
            @RequestParam(required = false) @Nullable UUID touchpointId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer minScore,
            @RequestParam(required = false) @Nullable Integer maxScore,
            HttpServletResponse response) throws IOException {
        // checked before the first byte goes out, so a bad parameter is still a problem+json 400
        ResponseFilter filter = new ResponseFilter(surveyId, touchpointId, from, to, minScore, maxScore).check();
        response.setContentType(CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"responses.csv\"");
        Writer writer = response.getWriter();
        export.write(workspaceId, filter, writer);
        writer.flush();
    }

    @GetMapping("/api/workspaces/{workspaceId}/responses/{responseId}")
    @Operation(summary = "Get one response")
    ResponseView get(@PathVariable UUID workspaceId, @PathVariable UUID responseId) {
        return ResponseView.of(responses.get(workspaceId, responseId));
    }

    @DeleteMapping("/api/workspaces/{workspaceId}/responses/{responseId}")
    @Operation(summary = "Erase a response (GDPR)",
            description = "Removes the response and its answers for good and tells metrics to subtract it "
                    + "(feedback.response.deleted). An admin act: client-admin and agency roles; editors and viewers get 403. "
                    + "Follow-up cases of the response stay, without the link to it. Erasing again → 404.")
    ResponseEntity<Void> erase(@PathVariable UUID workspaceId, @PathVariable UUID responseId, WorkspaceAccess access) {
        if (!mayErase(access.role())) {
            throw new ForbiddenException("Erasing a response needs the client-admin role or an agency role");
        }
        responses.erase(workspaceId, responseId);
        return ResponseEntity.noContent().build();
    }

    /** Erasure answers a data subject's request: the client's admins and the agency (its processor) handle those. */
    static boolean mayErase(Role role) {
        return role.allows(Permission.ADMIN) || role.tenantWide();
    }
}
