package com.waymark.tenant.membership;

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
import com.waymark.tenant.membership.MemberRequests.MemberView;
import com.waymark.tenant.membership.MemberRequests.NewAgencyMember;
import com.waymark.tenant.membership.MemberRequests.NewClientMember;
import com.waymark.tenant.web.IdempotentRequests;

/** Agency members (agency roles on a tenant) and client members (client roles on one workspace). */
@RestController
@Tag(name = "Members", description = "Who may work in an agency or one of its client workspaces")
class MemberController {

    static final String IDEMPOTENCY = "With an Idempotency-Key, a retry with the same body within 24 h answers the first "
            + "result again (header Idempotent-Replayed: true) without the temporary password, which is shown once; the "
            + "same key with another body is 409.";

    private final MembershipService members;
    private final IdempotentRequests idempotency;

    MemberController(MembershipService members, IdempotentRequests idempotency) {
        this.members = members;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/tenants/{tenantId}/members")
    @Operation(summary = "Add an agency member (agency-admin)",
            description = "Creates the user in Keycloak with a temporary password shown once, or links an existing "
                    + "user with that email; adds them to the agency's organization. Adding an existing member changes the role. "
                    + IDEMPOTENCY)
    ResponseEntity<MemberView> addAgencyMember(@PathVariable UUID tenantId, TenantAccess caller,
            @Valid @RequestBody NewAgencyMember body,
            @Parameter(description = "any unique string (e.g. a UUID) that makes retries of this request safe")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(caller.tenantId(), idempotencyKey, body, MemberView.class, () -> {
            MemberView member = members.addAgencyMember(caller, body);
            return ResponseEntity.created(URI.create("/api/tenants/" + tenantId + "/members/" + member.userId())).body(member);
        }, MemberView::withoutPassword);
    }

    @GetMapping("/api/tenants/{tenantId}/members")
    @Operation(summary = "List the agency's members (agency roles)")
    Page<MemberView> agencyMembers(@PathVariable UUID tenantId, TenantAccess caller,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        return members.agencyMembers(caller, limit, cursor);
    }

    @DeleteMapping("/api/tenants/{tenantId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an agency member (agency-admin); the last agency-admin cannot be removed")
    void removeAgencyMember(@PathVariable UUID tenantId, @PathVariable String userId, TenantAccess caller) {
        members.removeAgencyMember(caller, userId);
    }

    @PostMapping("/api/workspaces/{workspaceId}/members")
    @Operation(summary = "Add a client member (agency-admin, agency-staff or client-admin)",
            description = "Creates or links the user in Keycloak like agency members; the role applies to this workspace only. "
                    + IDEMPOTENCY)
    ResponseEntity<MemberView> addClientMember(@PathVariable UUID workspaceId, WorkspaceAccess caller,
            @Valid @RequestBody NewClientMember body,
            @Parameter(description = "any unique string (e.g. a UUID) that makes retries of this request safe")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.once(caller.tenantId(), idempotencyKey, body, MemberView.class, () -> {
            MemberView member = members.addClientMember(caller, body);
            return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/members/" + member.userId()))
                    .body(member);
        }, MemberView::withoutPassword);
    }

    @GetMapping("/api/workspaces/{workspaceId}/members")
    @Operation(summary = "List the workspace's client members")
    Page<MemberView> clientMembers(@PathVariable UUID workspaceId, WorkspaceAccess caller,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        return members.clientMembers(caller, limit, cursor);
    }

    @DeleteMapping("/api/workspaces/{workspaceId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a client member (agency-admin, agency-staff or client-admin)")
    void removeClientMember(@PathVariable UUID workspaceId, @PathVariable String userId, WorkspaceAccess caller) {
        members.removeClientMember(caller, userId);
    }
}
