package com.waymark.platform.access;

import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.MemberAdded;
import com.waymark.platform.events.MemberRemoved;
import com.waymark.platform.events.TenantCreated;
import com.waymark.platform.events.TenantUpdated;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.EventHandler;

/** Keeps the local {@link AccessModel} in step with tenant-service. */
public class AccessEventHandler implements EventHandler {

    private final AccessModel model;
    private final JsonMapper json;

    public AccessEventHandler(AccessModel model, JsonMapper json) {
        this.model = model;
        this.json = json;
    }

    @Override
    public void handle(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.TENANT_CREATED -> {
                TenantCreated created = json.treeToValue(event.data(), TenantCreated.class);
                model.upsertTenant(created.tenantId(), created.status(), created.plan());
            }
            case EventTypes.TENANT_UPDATED -> {
                TenantUpdated updated = json.treeToValue(event.data(), TenantUpdated.class);
                model.upsertTenant(updated.tenantId(), updated.status(), updated.plan());
            }
            case EventTypes.WORKSPACE_CREATED -> {
                WorkspaceCreated created = json.treeToValue(event.data(), WorkspaceCreated.class);
                model.upsertWorkspace(created.workspaceId(), created.tenantId());
            }
            case EventTypes.MEMBER_ADDED -> {
                MemberAdded added = json.treeToValue(event.data(), MemberAdded.class);
                Role.fromValue(added.role()).ifPresent(role -> model.grant(added.userId(), added.scopeId(), role));
            }
            case EventTypes.MEMBER_REMOVED -> {
                MemberRemoved removed = json.treeToValue(event.data(), MemberRemoved.class);
                model.revoke(removed.userId(), removed.scopeId());
            }
            default -> {
                // other tenant.* events do not change access
            }
        }
    }
}
