package com.waymark.tenant.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.web.Page;
import com.waymark.tenant.provisioning.TenantRequests.CreatedTenant;
import com.waymark.tenant.provisioning.TenantRequests.NewTenant;
import com.waymark.tenant.provisioning.TenantRequests.TenantChange;
import com.waymark.tenant.provisioning.TenantRequests.TenantDetail;
import com.waymark.tenant.provisioning.TenantRequests.TenantView;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.web.ETags;
import com.waymark.tenant.web.IdempotentRequests;
import com.waymark.tenant.web.IdempotentRequests.CreatedIds;

/** Platform admin only: the platform security restricts {@code /api/admin/**} to the {@code platform-admin} realm role. */
@RestController
@RequestMapping("/api/admin/tenants")
@Tag(name = "Platform admin: tenants", description = "Provision agencies, their plans and status")
class TenantAdminController {

    private final TenantProvisioning provisioning;
    private final IdempotentRequests idempotency;

    TenantAdminController(TenantProvisioning provisioning, IdempotentRequests idempotency) {
        this.provisioning = provisioning;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Provision an agency",
            description = "Creates its Keycloak organization (alias = slug) and its first agency-admin: a new user with a "
                    + "temporary password (in this response only; must be changed at first login), or the existing user "
                    + "with that email (then no password). With an Idempotency-Key, a retry with the same body within 24 h "
                    + "answers the same agency again (header Idempotent-Replayed: true) without the temporary password; "
                    + "the same key with another body is 409.")
    ResponseEntity<CreatedTenant> create(@Valid @RequestBody NewTenant body,
            @Parameter(description = "any unique string (e.g. a UUID) that makes retries of this request safe")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String idempotencyKey) {
        return idempotency.onceAtPlatformLevel(idempotencyKey, body,
                () -> answer(provisioning.create(body)),
                created -> new CreatedIds(created.id(), UUID.fromString(created.admin().userId())),
                ids -> answer(provisioning.created(ids.tenantId(), ids.adminUserId())));
    }

    private static ResponseEntity<CreatedTenant> answer(CreatedTenant created) {
        return ResponseEntity.created(URI.create("/api/admin/tenants/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "List agencies, oldest first")
    Page<TenantView> list(@RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Page<Tenant> page = provisioning.list(limit, cursor);
        return new Page<>(page.items().stream().map(TenantView::of).toList(), page.nextCursor());
    }

    @GetMapping("/{tenantId}")
    @Operation(summary = "One agency with its quota usage", description = "The ETag header is its version; send it "
            + "back as If-Match when changing it.")
    ResponseEntity<TenantDetail> get(@PathVariable UUID tenantId) {
        TenantDetail detail = provisioning.get(tenantId);
        return ResponseEntity.ok().eTag(ETags.of(detail.version())).body(detail);
    }

    @PatchMapping("/{tenantId}")
    @Operation(summary = "Rename, re-plan, suspend or reactivate an agency",
            description = "A suspended agency's users get 403 tenant-suspended everywhere, at once. With If-Match, "
                    + "412 when the agency changed since it was read.")
    ResponseEntity<TenantView> update(@PathVariable UUID tenantId, @Valid @RequestBody TenantChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Tenant updated = provisioning.update(tenantId, change, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(TenantView.of(updated));
    }
}
