package com.waymark.mapping.template;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.journey.MapTransfer;
import com.waymark.mapping.support.ETags;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.web.Page;

@RestController
@Tag(name = "Journey templates", description = "An agency's journey maps to start from, usable in all its workspaces")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/api/tenants/{tenantId}/journey-templates")
    @Operation(summary = "The agency's journey templates (without their maps); agency roles only")
    Page<TemplateSummary> list(TenantAccess access, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return templates.list(access, limit, cursor);
    }

    @PostMapping("/api/tenants/{tenantId}/journey-templates")
    @Operation(summary = "Save a journey's map as a template of the agency",
            description = "The journey must be in a workspace of this agency (else 404); the template keeps its map as it is now")
    ResponseEntity<JourneyTemplate> save(TenantAccess access, @Valid @RequestBody TemplateFields body) {
        JourneyTemplate created = templates.save(access, body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/api/tenants/{tenantId}/journey-templates/{templateId}")
    @Operation(summary = "A template with its map")
    JourneyTemplate get(TenantAccess access, @PathVariable UUID templateId) {
        return templates.get(access, templateId);
    }

    @PostMapping(path = "/api/workspaces/{workspaceId}/journeys", params = "fromTemplate")
    // one path and method in OpenAPI: documented on the plain create operation (a second one would replace it)
    @Hidden
    @Operation(summary = "Create a journey from a template of the workspace's agency",
            description = "Channels are matched by name in this workspace, missing ones created; {name} replaces the "
                    + "template's journey name. A template of another agency is a 404.")
    ResponseEntity<JsonNode> instantiate(WorkspaceAccess access,
            @Parameter(description = "the template's id") @RequestParam UUID fromTemplate,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(schema = @Schema(implementation = TemplateOverrides.class)))
            @RequestBody(required = false) @Nullable JsonNode body) {
        MapTransfer.NewMap created = templates.instantiate(access, fromTemplate, body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/workspaces/{ws}/journeys/{id}").buildAndExpand(access.workspaceId(), created.id()).toUri())
                .eTag(ETags.of(created.version())).body(created.map());
    }
}
