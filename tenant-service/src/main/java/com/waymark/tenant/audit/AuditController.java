package com.waymark.tenant.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.web.Page;

@RestController
@Tag(name = "Audit log", description = "Who changed agencies, workspaces and memberships, when and from where")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/tenants/{tenantId}/audit")
    @Operation(summary = "The agency's audit log, newest first (agency-admin)",
            description = "Filters: action (e.g. member.removed), from (inclusive) and to (exclusive) as ISO-8601 instants.")
    Page<AuditEvent> ofAgency(@PathVariable UUID tenantId, TenantAccess caller,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        return audit.ofAgency(caller, AuditFilter.parse(action, from, to), limit, cursor);
    }

    @GetMapping("/api/admin/audit")
    @Operation(summary = "The audit log of all agencies, newest first (platform-admin)",
            description = "Optionally one agency (tenantId); same filters as the agency's log.")
    Page<AuditEvent> ofPlatform(
            @Parameter(description = "only this agency") @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
        AuditFilter filter = AuditFilter.parse(action, from, to);
        return audit.ofPlatform(tenantId == null || tenantId.isBlank() ? null : parseTenantId(tenantId), filter, limit, cursor);
    }

    private static UUID parseTenantId(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("tenantId", "must be a tenant id (UUID)");
        }
    }
}
