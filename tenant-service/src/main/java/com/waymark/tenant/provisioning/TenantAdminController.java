package com.waymark.tenant.provisioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

/** Platform admin only: the platform security restricts {@code /api/admin/**} to the {@code platform-admin} realm role. */
@RestController
@RequestMapping("/api/admin/tenants")
@Tag(name = "Platform admin: tenants", description = "Provision agencies, their plans and status")
class TenantAdminController {

    private final TenantProvisioning provisioning;

    TenantAdminController(TenantProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @PostMapping
    @Operation(summary = "Provision an agency",
            description = "Creates its Keycloak organization (alias = slug) and its first agency-admin: a new user with a "
                    + "temporary password (in this response only; must be changed at first login), or the existing user "
                    + "with that email (then no password).")
    ResponseEntity<CreatedTenant> create(@Valid @RequestBody NewTenant body) {
        CreatedTenant created = provisioning.create(body);
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
    @Operation(summary = "One agency with its quota usage")
    TenantDetail get(@PathVariable UUID tenantId) {
        return provisioning.get(tenantId);
    }

    @PatchMapping("/{tenantId}")
    @Operation(summary = "Rename, re-plan, suspend or reactivate an agency",
            description = "A suspended agency's users get 403 tenant-suspended everywhere, at once.")
    TenantView update(@PathVariable UUID tenantId, @Valid @RequestBody TenantChange change) {
        return TenantView.of(provisioning.update(tenantId, change));
    }
}
