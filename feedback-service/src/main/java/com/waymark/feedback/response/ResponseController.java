package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.Surveys;
import com.waymark.feedback.web.Bodies;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.Role;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;

@RestController
@Tag(name = "Responses", description = "Responses received through links and widgets or imported from CSV")
class ResponseController {

    /** A few hundred thousand cells; bigger loads belong in several imports. */
    static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

    static final String CSV = "text/csv";

    private final Responses responses;
    private final ResponseImport imports;
    private final ResponseExport export;
    private final Surveys surveys;

    ResponseController(Responses responses, ResponseImport imports, ResponseExport export, Surveys surveys) {
        this.responses = responses;
        this.imports = imports;
        this.export = export;
        this.surveys = surveys;
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

    @PostMapping(path = "/api/workspaces/{workspaceId}/surveys/{surveyId}/responses:import", consumes = "text/csv")
    @Operation(summary = "Import responses from CSV",
            description = "Header row `submissionId,submittedAt,lang,segment,<questionId>...` (channel optional too); "
                    + "submittedAt ISO-8601 UTC, not in the future; an empty cell is a skipped question; multi-choice "
                    + "cells list option ids separated by `|`. Valid rows are stored and announced like live responses; "
                    + "submission ids already stored count as duplicates. The survey must have been published.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", example = "submissionId,submittedAt,lang,segment,nps\n"
                            + "0b5e0c1e-5b7a-4a53-9d7e-1a2b3c4d5e6f,2026-01-31T09:30:00Z,en,returning,9"))))
    ResponseImport.Report importCsv(@PathVariable UUID workspaceId, @PathVariable UUID surveyId, HttpServletRequest request) {
        Survey survey = surveys.find(workspaceId, surveyId).orElseThrow(() -> new NotFoundException("Survey " + surveyId));
        byte[] body = Bodies.read(request, MAX_IMPORT_BYTES);
        return imports.importCsv(survey, new String(body, charset(request.getCharacterEncoding())));
    }

    private static Charset charset(@Nullable String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
