package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.Surveys;
import com.waymark.feedback.web.Bodies;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;

@RestController
@Tag(name = "Responses", description = "Responses received through links and widgets or imported from CSV")
class ResponseController {

    /** A few hundred thousand cells; bigger loads belong in several imports. */
    static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

    private final Responses responses;
    private final ResponseImport imports;
    private final Surveys surveys;

    ResponseController(Responses responses, ResponseImport imports, Surveys surveys) {
        this.responses = responses;
        this.imports = imports;
        this.surveys = surveys;
    }

    @GetMapping("/api/workspaces/{workspaceId}/responses")
    @Operation(summary = "List responses, newest submission first")
    Page<ResponseView> list(@PathVariable UUID workspaceId,
            @RequestParam(required = false) @Nullable UUID surveyId,
            @RequestParam(required = false) @Nullable UUID touchpointId,
            @Parameter(description = "submitted at or after (ISO-8601)") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "submitted before (ISO-8601)") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Page<StoredResponse> page = responses.list(workspaceId, new ResponseFilter(surveyId, touchpointId, from, to), cursor, limit);
        return new Page<>(page.items().stream().map(ResponseView::of).toList(), page.nextCursor());
    }

    @GetMapping("/api/workspaces/{workspaceId}/responses/{responseId}")
    @Operation(summary = "Get one response")
    ResponseView get(@PathVariable UUID workspaceId, @PathVariable UUID responseId) {
        return ResponseView.of(responses.get(workspaceId, responseId));
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
