package com.waymark.tenant.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;
import com.waymark.tenant.tenant.Tenants;

/**
 * The audit listings. An agency admin reads their own agency's rows under the context the access
 * check set. The platform admin's listing across agencies reads <em>one agency at a time, each in
 * its own tenant-wide context</em> and merges the pages by id (ids are time-ordered): row-level
 * security keeps applying and no query ever mixes agencies' rows. It costs one small indexed query
 * per agency and page, which suits control-plane volumes; filtering by {@code tenantId} costs one.
 */
@Service
class AuditService {

    /** PostgreSQL orders uuids as unsigned bytes; Java's {@link UUID#compareTo} is signed. */
    static final Comparator<UUID> DATABASE_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final AuditEvents events;
    private final Tenants tenants;

    AuditService(AuditEvents events, Tenants tenants) {
        this.events = events;
        this.tenants = tenants;
    }

    Page<AuditEvent> ofAgency(TenantAccess caller, AuditFilter filter, @Nullable Integer limit, @Nullable String cursor) {
        if (!caller.role().allows(Permission.ADMIN)) {
            throw new ForbiddenException("Only an agency-admin can read the agency's audit log");
        }
        int size = Paging.limit(limit);
        return Paging.page(events.page(caller.tenantId(), filter, Paging.after(cursor), size + 1), size, AuditEvent::id);
    }

    Page<AuditEvent> ofPlatform(@Nullable UUID tenantId, AuditFilter filter, @Nullable Integer limit,
            @Nullable String cursor) {
        int size = Paging.limit(limit);
        UUID before = Paging.after(cursor);
        List<UUID> agencies;
        if (tenantId != null) {
            tenants.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant " + tenantId));
            agencies = List.of(tenantId);
        } else {
            agencies = tenants.allIds();
        }
        List<AuditEvent> merged = new ArrayList<>();
        for (UUID agency : agencies) {
            merged.addAll(TenantContextHolder.callAs(TenantContext.ofTenant(agency),
                    () -> events.page(agency, filter, before, size + 1)));
        }
        merged.sort(Comparator.comparing(AuditEvent::id, DATABASE_ORDER).reversed());
        return Paging.page(merged.subList(0, Math.min(merged.size(), size + 1)), size, AuditEvent::id);
    }
}
