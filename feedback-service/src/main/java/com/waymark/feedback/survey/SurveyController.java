package com.waymark.feedback.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import com.waymark.feedback.web.ETags;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/surveys")
@Tag(name = "Surveys", description = "Survey builder: questions per language, publishing as a public link and widget")
class SurveyController {

    private final SurveyService surveys;

    SurveyController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft survey", description = "Idempotent with an Idempotency-Key header: a retry returns the survey created first.")
    ResponseEntity<SurveyView> create(@PathVariable UUID workspaceId, WorkspaceAccess access,
            @RequestBody SurveyRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        Survey survey = surveys.create(access, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/surveys/" + survey.id()))
                .eTag(ETags.of(survey.version()))
                .body(view(survey));
    }

    @GetMapping
    @Operation(summary = "List the workspace's surveys, newest first")
    Page<SurveyView> list(@PathVariable UUID workspaceId,
            @Parameter(description = "draft, active or closed") @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID touchpointId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        SurveyStatus wanted = status == null ? null : SurveyStatus.fromValue(status)
                .orElseThrow(() -> new ValidationException("status", "must be draft, active or closed"));
        Page<Survey> page = surveys.list(workspaceId, wanted, touchpointId, cursor, limit);
        return new Page<>(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    @GetMapping("/{surveyId}")
    @Operation(summary = "Get a survey", description = "The ETag is its version; send it back as If-Match when editing.")
    ResponseEntity<SurveyView> get(@PathVariable UUID workspaceId, @PathVariable UUID surveyId) {
        Survey survey = surveys.get(workspaceId, surveyId);
        return ResponseEntity.ok().eTag(ETags.of(survey.version())).body(view(survey));
    }

    @PatchMapping(path = "/{surveyId}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
    @Operation(summary = "Edit a survey (JSON merge patch)",
            description = "The name, thank-you texts and openCaseForDetractors change any time; questions, languages "
                    + "and touchpointId only while the survey is a draft (409 otherwise). If-Match → 412 on a stale version.")
    ResponseEntity<SurveyView> patch(@PathVariable UUID workspaceId, @PathVariable UUID surveyId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = SurveyRequest.class)))
            @RequestBody JsonNode patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Survey survey = surveys.patch(workspaceId, surveyId, patch, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(survey.version())).body(view(survey));
    }

    @DeleteMapping("/{surveyId}")
    @Operation(summary = "Delete a survey", description = "Its public link stops working; responses already received are kept.")
    ResponseEntity<Void> delete(@PathVariable UUID workspaceId, @PathVariable UUID surveyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        surveys.delete(workspaceId, surveyId, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{surveyId}/publish")
    @Operation(summary = "Publish a survey", description = "Makes it active and returns its public link and widget "
            + "snippet. Publishing again (also after closing) returns the same token.")
    Distribution publish(@PathVariable UUID workspaceId, @PathVariable UUID surveyId) {
        return surveys.distribution(surveys.publish(workspaceId, surveyId));
    }

    @PostMapping("/{surveyId}/close")
    @Operation(summary = "Close a survey", description = "Its link then answers 410 Gone.")
    ResponseEntity<SurveyView> close(@PathVariable UUID workspaceId, @PathVariable UUID surveyId) {
        Survey survey = surveys.close(workspaceId, surveyId);
        return ResponseEntity.ok().eTag(ETags.of(survey.version())).body(view(survey));
    }

    private SurveyView view(Survey survey) {
        return SurveyView.of(survey, surveys.distributionIfPublished(survey));
    }
}
