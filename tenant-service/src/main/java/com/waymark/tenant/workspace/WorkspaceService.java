package com.waymark.tenant.workspace;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.ForbiddenException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.messaging.Outbox;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;
import com.waymark.tenant.tenant.Quota;
import com.waymark.tenant.tenant.Tenant;
import com.waymark.tenant.tenant.Tenants;
import com.waymark.tenant.workspace.WorkspaceController.NewWorkspace;

/** Client workspaces: pure database work (the agency's Keycloak organization covers its workspaces). */
@Service
class WorkspaceService {

    private final Tenants tenants;
    private final Workspaces workspaces;
    private final AccessModel access;
    private final Outbox outbox;

    WorkspaceService(Tenants tenants, Workspaces workspaces, AccessModel access, Outbox outbox) {
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.access = access;
        this.outbox = outbox;
    }

    /** Runs with the agency's context (set by the access check on {@code /api/tenants/{tenantId}}). */
    @Transactional
    Workspace create(TenantAccess caller, NewWorkspace body) {
        if (!caller.role().allows(Permission.WRITE)) {
            throw new ForbiddenException("Your role " + caller.role().value() + " cannot create workspaces");
        }
        UUID tenantId = caller.tenantId();
        // the lock serializes creations per agency, so two requests cannot both take the last free slot
        Tenant tenant = tenants.lock(tenantId);
        tenant.plan().requireRoomForOneMore(Quota.WORKSPACES, workspaces.count(tenantId));
        if (workspaces.slugTaken(tenantId, body.slug())) {
            throw new ConflictException("slug", "another workspace of this agency uses this slug");
        }
        Workspace workspace = new Workspace(Uuids.timeOrdered(), tenantId, body.name().trim(), body.slug(),
                blankToNull(body.industry()), Instant.now().truncatedTo(ChronoUnit.MICROS));
        workspaces.insert(workspace);
        access.upsertWorkspace(workspace.id(), tenantId);
        outbox.append(EventTypes.WORKSPACE_CREATED, 1, tenantId, workspace.id(),
                new WorkspaceCreated(workspace.id(), tenantId, workspace.name(), workspace.slug()));
        return workspace;
    }

    @Transactional(readOnly = true)
    Page<Workspace> list(TenantAccess caller, @Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(workspaces.page(caller.tenantId(), Paging.after(cursor), size + 1), size, Workspace::id);
    }

    @Transactional(readOnly = true)
    Workspace get(WorkspaceAccess caller) {
        return workspaces.find(caller.workspaceId())
                .orElseThrow(() -> new NotFoundException("Workspace " + caller.workspaceId()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
