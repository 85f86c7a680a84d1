package com.waymark.tenant.deletion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.security.CurrentUser;
import com.waymark.tenant.tenant.Tenant;

/** Platform admin only (the platform security restricts {@code /api/admin/**} to {@code platform-admin}). */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}")
@Tag(name = "Platform admin: tenants")
class DeletionController {

    /** @param services each expected service: {@code pending} or {@code completed} */
    record DeletionAccepted(UUID tenantId, String status, Map<String, String> services) {
    }

    private final TenantDeletion deletion;

    DeletionController(TenantDeletion deletion) {
        this.deletion = deletion;
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Delete an agency and all its data",
            description = "202: its users are locked out at once, its Keycloak organization and the users who belong to no "
                    + "other agency are deleted, and tenant.tenant.deleted makes every service purge its data. Repeating "
                    + "the request is harmless. Progress: GET .../deletion.")
    DeletionAccepted delete(@PathVariable UUID tenantId, CurrentUser caller) {
        Deletion progress = deletion.delete(tenantId, caller);
        Map<String, String> services = new LinkedHashMap<>();
        progress.services().forEach(purge -> services.put(purge.service(), purge.completedAt() == null ? "pending" : "completed"));
        return new DeletionAccepted(tenantId, Tenant.DELETING, services);
    }

    @GetMapping("/deletion")
    @Operation(summary = "Progress of an agency's deletion",
            description = "Per service whether (and when) it reported purging the agency's data, and how many rows it deleted; "
                    + "complete when every expected service (waymark.purge.services) has. 404 when no deletion was requested.")
    Deletion progress(@PathVariable UUID tenantId) {
        return deletion.progress(tenantId);
    }
}
