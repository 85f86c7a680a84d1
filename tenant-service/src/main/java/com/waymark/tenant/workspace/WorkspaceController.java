package com.waymark.tenant.workspace;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;
import com.waymark.tenant.web.ETags;
import com.waymark.tenant.web.IdempotentRequests;
import com.waymark.tenant.web.PlainText;

@RestController
@Tag(name = "Workspaces", description = "The client businesses of an agency")
class WorkspaceController {

    record NewWorkspace(
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @Pattern(regexp = "[a-z0-9-]{2,40}", message = "must be 2 to 40 characters of a-z, 0-9 and -") String slug,
            @Size(max = 100) @PlainText @Nullable String industry) {
    }

    /** Only the fields present change; an empty {@code industry} clears it. */
    record WorkspaceChange(
            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText String name,
            @Nullable @Pattern(regexp = "[a-z0-9-]{2,40}", message = "must be 2 to 40 characters of a-z, 0-9 and -") String slug,
            @Nullable @Size(max = 100) @PlainText String industry) {
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
    private final IdempotentRequests idempotency;

    WorkspaceController(WorkspaceService workspaces, IdempotentRequests idempotency) {
        this.workspaces = workspaces;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/tenants/{tenantId}/workspaces")
    @Operation(summary = "Create a client workspace (agency-admin or agency-staff)",
            description = "409 quota-exceeded when the agency's plan allows no more workspaces (starter 3, growth 25, scale unlimited). "
                    + "With an Idempotency-Key, a retry with the same body within 24 h answers the first workspace again "
                    + "(header Idempotent-Replayed: true); the same key with another body is 409.")
    ResponseEntity<WorkspaceView> create(@PathVariable UUID tenantId, TenantAccess caller, @Valid @RequestBody NewWorkspace body,
            @Parameter(description = "any unique string (e.g. a UUID) that makes retries of this request safe")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(caller.tenantId(), idempotencyKey, body, WorkspaceView.class, () -> {
            Workspace workspace = workspaces.create(caller, body);
            return ResponseEntity.created(URI.create("/api/workspaces/" + workspace.id()))
                    .eTag(ETags.of(workspace.version())).body(WorkspaceView.of(workspace));
        }, view -> view);
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
            description = "Only the fields present change; an empty industry clears it. Publishes tenant.workspace.updated. "
                    + "With If-Match (the ETag of GET /api/workspaces/{workspaceId}), 412 when it changed since.")
    ResponseEntity<WorkspaceView> update(@PathVariable UUID tenantId, @PathVariable String workspaceId, TenantAccess caller,
            @Valid @RequestBody WorkspaceChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Workspace updated = workspaces.update(caller, parse(workspaceId), change, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(WorkspaceView.of(updated));
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
    @Operation(summary = "One workspace (any of its members)", description = "The ETag header is its version; send it "
            + "back as If-Match when changing it.")
    ResponseEntity<WorkspaceView> get(@PathVariable UUID workspaceId, WorkspaceAccess caller) {
        Workspace workspace = workspaces.get(caller);
        return ResponseEntity.ok().eTag(ETags.of(workspace.version())).body(WorkspaceView.of(workspace));
    }
}
