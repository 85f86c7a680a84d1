package com.waymark.feedback.response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.Surveys;
import com.waymark.feedback.web.Bodies;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.Problems;
import com.waymark.platform.error.ValidationException;

@RestController
@Tag(name = "Responses")
class ResponseImportController {

    /** A few hundred thousand cells; bigger loads belong in several imports. */
    static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;
    static final String MAP_PREFIX = "map.";

    private final ResponseImport imports;
    private final Surveys surveys;

    ResponseImportController(ResponseImport imports, Surveys surveys) {
        this.imports = imports;
        this.surveys = surveys;
    }

    @PostMapping(path = "/api/workspaces/{workspaceId}/surveys/{surveyId}/responses:import", consumes = "text/csv")
    @Operation(summary = "Import responses from CSV",
            description = "Header row `submissionId,submittedAt,lang,segment,<questionId>...` (channel, externalId, email "
                    + "optional too; submissionId optional); submittedAt ISO-8601, not in the future; an empty cell is a skipped "
                    + "question; multi-choice cells list option ids separated by `|`. Rename columns with query parameters "
                    + "`map.<column header>=<questionId or field>` (`map.<column>=-` leaves a column out). Every row is keyed "
                    + "by its submissionId, or without that column by a hash of the survey and the row's content: importing "
                    + "the same file again stores nothing and reports `duplicate`. mode=per-row (default): good rows are "
                    + "stored and announced like live responses, bad ones reported. mode=all-or-nothing: any rejected row "
                    + "and nothing is stored → 400 (type validation) with `errors` per rejected row and `report` listing "
                    + "every row's outcome. Over the agency's responses per month → 409 quota-exceeded, nothing stored. "
                    + "The survey must have been published.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", example = "submissionId,submittedAt,lang,segment,nps\n"
                            + "0b5e0c1e-5b7a-4a53-9d7e-1a2b3c4d5e6f,2026-01-31T09:30:00Z,en,returning,9"))))
    ResponseImport.Report importCsv(@PathVariable UUID workspaceId, @PathVariable UUID surveyId,
            @Parameter(description = "per-row (default) or all-or-nothing") @RequestParam(required = false) @Nullable String mode,
            HttpServletRequest request) {
        ResponseImport.Mode chosen = ResponseImport.Mode.of(mode);
        Map<String, String> mapping = mapping(request);
        Survey survey = surveys.find(workspaceId, surveyId).orElseThrow(() -> new NotFoundException("Survey " + surveyId));
        byte[] body = Bodies.read(request, MAX_IMPORT_BYTES);
        return imports.importCsv(survey, new String(body, charset(request.getCharacterEncoding())), chosen, mapping);
    }

    /** all-or-nothing with rejected rows: the usual validation problem, plus the report of every row. */
    @ExceptionHandler(ResponseImport.Rejection.class)
    ResponseEntity<ProblemDetail> rejected(ResponseImport.Rejection rejection) {
        ProblemDetail problem = Problems.of(rejection);
        problem.setProperty("report", rejection.report());
        return ResponseEntity.status(rejection.status()).body(problem);
    }

    /** The {@code map.<column>} query parameters, each given once. */
    private static Map<String, String> mapping(HttpServletRequest request) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (!name.startsWith(MAP_PREFIX)) {
                continue;
            }
            String column = name.substring(MAP_PREFIX.length()).strip();
            if (column.isEmpty() || parameter.getValue().length != 1) {
                throw new ValidationException(name, "must name a column once: map.<column header>=<questionId or field>");
            }
            mapping.put(column, parameter.getValue()[0]);
        }
        return mapping;
    }

    private static Charset charset(@Nullable String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
