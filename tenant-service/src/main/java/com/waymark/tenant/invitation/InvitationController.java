package com.waymark.tenant.invitation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.web.Page;
import com.waymark.tenant.invitation.InvitationRequests.InvitationView;
import com.waymark.tenant.invitation.InvitationRequests.NewAgencyInvitation;
import com.waymark.tenant.invitation.InvitationRequests.NewClientInvitation;
import com.waymark.tenant.web.IdempotentRequests;

/** Invitations to the agency (agency roles, agency-admin) and to one workspace (client roles, as for members). */
@RestController
@Tag(name = "Invitations", description = "One-time links that let people join an agency or a workspace")
class InvitationController {

    private static final String CREATED = "→ 201 with the one-time link <gateway>/invite/<token>, shown in this answer only "
            + "(only a hash of the token is stored); valid 7 days. 409 when the e-mail already holds a role here or has a "
            + "pending invitation; 409 quota-exceeded when members plus pending invitations fill the plan. With an "
            + "Idempotency-Key, a retry with the same body within 24 h answers the same invitation again without its link.";

    private final InvitationService invitations;
    private final IdempotentRequests idempotency;

    InvitationController(InvitationService invitations, IdempotentRequests idempotency) {
        this.invitations = invitations;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/tenants/{tenantId}/invitations")
    @Operation(summary = "Invite someone to the agency (agency-admin)", description = CREATED)
    ResponseEntity<InvitationView> inviteToAgency(@PathVariable UUID tenantId, TenantAccess caller,
            @Valid @RequestBody NewAgencyInvitation body,
            @Parameter(description = "any unique string (e.g. a UUID) that makes retries of this request safe")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(caller.tenantId(), idempotencyKey, body, InvitationView.class, () -> {
            InvitationView created = invitations.inviteToAgency(caller, body.email(), body.name(), body.role());
            return ResponseEntity.created(URI.create("/api/tenants/" + tenantId + "/invitations/" + created.id())).body(created);
        }, InvitationView::withoutLink);
    }

    @GetMapping("/api/tenants/{tenantId}/invitations")
    @Operation(summary = "The agency's pending invitations, oldest first (agency-admin; without links)")
    Page<InvitationView> agencyInvitations(@PathVariable UUID tenantId, TenantAccess caller,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        return invitations.pendingOfAgency(caller, limit, cursor);
    }

    @DeleteMapping("/api/tenants/{tenantId}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an agency invitation (agency-admin)", description = "Its link then answers 410. "
            + "Repeating it is harmless; an accepted invitation cannot be revoked (409).")
    void revokeAgencyInvitation(@PathVariable UUID tenantId, @PathVariable String invitationId, TenantAccess caller) {
        invitations.revokeOfAgency(caller, invitationId);
    }

    @PostMapping("/api/workspaces/{workspaceId}/invitations")
    @Operation(summary = "Invite someone to the workspace (agency-admin, agency-staff or client-admin)", description = CREATED)
    ResponseEntity<InvitationView> inviteToWorkspace(@PathVariable UUID workspaceId, WorkspaceAccess caller,
            @Valid @RequestBody NewClientInvitation body,
            @Parameter(description = "any unique string (e.g. a UUID) that makes retries of this request safe")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(caller.tenantId(), idempotencyKey, body, InvitationView.class, () -> {
            InvitationView created = invitations.inviteToWorkspace(caller, body.email(), body.name(), body.role());
            return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/invitations/" + created.id()))
                    .body(created);
        }, InvitationView::withoutLink);
    }

    @GetMapping("/api/workspaces/{workspaceId}/invitations")
    @Operation(summary = "The workspace's pending invitations, oldest first (agency-admin, agency-staff or client-admin; without links)")
    Page<InvitationView> workspaceInvitations(@PathVariable UUID workspaceId, WorkspaceAccess caller,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        return invitations.pendingOfWorkspace(caller, limit, cursor);
    }

    @DeleteMapping("/api/workspaces/{workspaceId}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a workspace invitation (agency-admin, agency-staff or client-admin)")
    void revokeWorkspaceInvitation(@PathVariable UUID workspaceId, @PathVariable String invitationId, WorkspaceAccess caller) {
        invitations.revokeOfWorkspace(caller, invitationId);
    }
}
