package com.waymark.mapping.persona;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.MergePatch;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/personas")
@Tag(name = "Personas", description = "The kinds of customer journeys are about")
class PersonaController {

    private final Personas personas;
    private final MergePatch mergePatch;

    PersonaController(Personas personas, MergePatch mergePatch) {
        this.personas = personas;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the workspace's personas")
    Page<Persona> list(WorkspaceAccess access, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(personas.list(access.workspaceId(), Paging.after(cursor), size + 1), size, Persona::id);
    }

    @GetMapping("/{personaId}")
    @Operation(summary = "One persona")
    Persona get(WorkspaceAccess access, @PathVariable UUID personaId) {
        return personas.find(access.workspaceId(), personaId).orElseThrow(() -> notFound(personaId));
    }

    @PostMapping
    @Operation(summary = "Create a persona")
    @Transactional
    ResponseEntity<Persona> create(WorkspaceAccess access, @Valid @RequestBody PersonaFields body) {
        Persona created = personas.insert(access.tenantId(), access.workspaceId(), body);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PatchMapping("/{personaId}")
    @Operation(summary = "Change a persona (JSON merge patch: absent fields stay, null clears)")
    @Transactional
    Persona update(WorkspaceAccess access, @PathVariable UUID personaId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PersonaFields.class)))
            @RequestBody JsonNode patch) {
        Persona current = get(access, personaId);
        PersonaFields changed = mergePatch.apply(current.fields(), patch, PersonaFields.class);
        return personas.update(access.workspaceId(), personaId, changed).orElseThrow(() -> notFound(personaId));
    }

    @DeleteMapping("/{personaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a persona; its journeys stay, without a persona")
    @Transactional
    void delete(WorkspaceAccess access, @PathVariable UUID personaId) {
        if (!personas.delete(access.workspaceId(), personaId)) {
            throw notFound(personaId);
        }
    }

    private static NotFoundException notFound(UUID personaId) {
        return new NotFoundException("Persona " + personaId);
    }
}
