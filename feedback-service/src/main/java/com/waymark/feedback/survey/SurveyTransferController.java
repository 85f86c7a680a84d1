package com.waymark.feedback.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.feedback.web.ETags;
import com.waymark.platform.access.WorkspaceAccess;

/**
 * Surveys as portable files ({@value SurveyDefinition#MEDIA_TYPE}): export one, import it as a new
 * draft in any workspace, e.g. to reuse an agency's survey across its clients.
 */
@RestController
@Tag(name = "Surveys")
class SurveyTransferController {

    private final SurveyService surveys;

    SurveyTransferController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GetMapping(path = "/api/workspaces/{workspaceId}/surveys/{surveyId}", produces = SurveyDefinition.MEDIA_TYPE)
    @Operation(summary = "Export a survey (Accept: " + SurveyDefinition.MEDIA_TYPE + ")",
            description = "The portable definition: name, languages, questions (with their ids), thank-you texts and "
                    + "openCaseForDetractors; no survey id, touchpoint, status or link.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SurveyDefinition.MEDIA_TYPE,
            schema = @Schema(implementation = SurveyDefinition.class)))
    SurveyDefinition definition(@PathVariable UUID workspaceId, @PathVariable UUID surveyId) {
        return SurveyDefinition.of(surveys.get(workspaceId, surveyId));
    }

    @GetMapping(path = "/api/workspaces/{workspaceId}/surveys/{surveyId}/export",
            produces = { SurveyDefinition.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
    @Operation(summary = "Export a survey as a portable definition", description = "Same as GET .../surveys/{surveyId} "
            + "with Accept: " + SurveyDefinition.MEDIA_TYPE + ", for clients that cannot set the header.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = SurveyDefinition.MEDIA_TYPE,
            schema = @Schema(implementation = SurveyDefinition.class)))
    SurveyDefinition export(@PathVariable UUID workspaceId, @PathVariable UUID surveyId) {
        return definition(workspaceId, surveyId);
    }

    @PostMapping(path = "/api/workspaces/{workspaceId}/surveys:import",
            consumes = { SurveyDefinition.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
    @Operation(summary = "Import a survey definition as a new draft",
            description = "Checked exactly like a create (400 naming every field at fault, nothing written); the draft has "
                    + "no touchpoint. Idempotent with an Idempotency-Key header.")
    ResponseEntity<SurveyView> importDefinition(@PathVariable UUID workspaceId, WorkspaceAccess access,
            @RequestBody SurveyDefinition definition,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Survey survey = surveys.create(access, definition.toRequest(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/surveys/" + survey.id()))
                .eTag(ETags.of(survey.version()))
                .body(SurveyView.of(survey, surveys.distributionIfPublished(survey)));
    }
}
