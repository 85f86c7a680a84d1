package com.waymark.tenant.workspace;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;

@RestController
@Tag(name = "Workspaces", description = "The client businesses of an agency")
class WorkspaceController {

    record NewWorkspace(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[a-z0-9-]{2,40}", message = "must be 2 to 40 characters of a-z, 0-9 and -") String slug,
            @Size(max = 100) @Nullable String industry) {
    }

    /** Only the fields present change; an empty {@code industry} clears it. */
    record WorkspaceChange(
            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @Nullable @Pattern(regexp = "[a-z0-9-]{2,40}", message = "must be 2 to 40 characters of a-z, 0-9 and -") String slug,
            @Nullable @Size(max = 100) String industry) {
    }

    /** The answer to a deletion: the purge in every service follows from {@code tenant.workspace.deleted}. */
    record DeletedWorkspace(UUID id, UUID tenantId, String status) {
    }

    record WorkspaceView(UUID id, UUID tenantId, String name, String slug, @Nullable String industry, Instant createdAt) {

        static WorkspaceView of(Workspace workspace) {
            return new WorkspaceView(workspace.id(), workspace.tenantId(), workspace.name(), workspace.slug(),
                    workspace.industry(), workspace.createdAt());
        }
    }

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping("/api/tenants/{tenantId}/workspaces")
    @Operation(summary = "Create a client workspace (agency-admin or agency-staff)",
            description = "409 quota-exceeded when the agency's plan allows no more workspaces (starter 3, growth 25, scale unlimited).")
    ResponseEntity<WorkspaceView> create(@PathVariable UUID tenantId, TenantAccess caller, @Valid @RequestBody NewWorkspace body) {
        Workspace workspace = workspaces.create(caller, body);
        return ResponseEntity.created(URI.create("/api/workspaces/" + workspace.id())).body(WorkspaceView.of(workspace));
    }

    @GetMapping("/api/tenants/{tenantId}/workspaces")
    @Operation(summary = "List the agency's workspaces, oldest first")
    Page<WorkspaceView> list(@PathVariable UUID tenantId, TenantAccess caller,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        Page<Workspace> page = workspaces.list(caller, limit, cursor);
        return new Page<>(page.items().stream().map(WorkspaceView::of).toList(), page.nextCursor());
    }

    @PatchMapping("/api/tenants/{tenantId}/workspaces/{workspaceId}")
    @Operation(summary = "Rename a workspace or change its slug or industry (agency-admin)",
            description = "Only the fields present change; an empty industry clears it. Publishes tenant.workspace.updated.")
    WorkspaceView update(@PathVariable UUID tenantId, @PathVariable String workspaceId, TenantAccess caller,
            @Valid @RequestBody WorkspaceChange change) {
        return WorkspaceView.of(workspaces.update(caller, parse(workspaceId), change));
    }

    @DeleteMapping("/api/tenants/{tenantId}/workspaces/{workspaceId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Delete a workspace and all its data (agency-admin)",
            description = "202: its memberships and row go at once; tenant.workspace.deleted makes every service purge "
                    + "the workspace's data, each reporting <service>.purge.completed.")
    DeletedWorkspace delete(@PathVariable UUID tenantId, @PathVariable String workspaceId, TenantAccess caller) {
        Workspace deleted = workspaces.delete(caller, parse(workspaceId));
        return new DeletedWorkspace(deleted.id(), deleted.tenantId(), "deleting");
    }

    /** A malformed id cannot name a workspace: same answer as an unknown one. */
    private static UUID parse(String workspaceId) {
        try {
            return UUID.fromString(workspaceId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Workspace " + workspaceId);
        }
    }

    @GetMapping("/api/workspaces/{workspaceId}")
    @Operation(summary = "One workspace (any of its members)")
    WorkspaceView get(@PathVariable UUID workspaceId, WorkspaceAccess caller) {
        return WorkspaceView.of(workspaces.get(caller));
    }
}
