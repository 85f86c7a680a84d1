package com.waymark.platform.events;

/** Routing keys on {@code cx.events}: {@code <service>.<entity>.<happened>}. */
public final class EventTypes {

    public static final String TENANT_CREATED = "tenant.tenant.created";
    public static final String TENANT_UPDATED = "tenant.tenant.updated";
    public static final String WORKSPACE_CREATED = "tenant.workspace.created";
    public static final String MEMBER_ADDED = "tenant.member.added";
    public static final String MEMBER_REMOVED = "tenant.member.removed";
    public static final String TENANT_DELETED = "tenant.tenant.deleted";
    public static final String WORKSPACE_UPDATED = "tenant.workspace.updated";
    public static final String WORKSPACE_DELETED = "tenant.workspace.deleted";

    public static final String JOURNEY_CHANGED = "mapping.journey.changed";
    public static final String STAGE_CHANGED = "mapping.stage.changed";
    public static final String TOUCHPOINT_CHANGED = "mapping.touchpoint.changed";
    public static final String JOURNEY_DELETED = "mapping.journey.deleted";
    public static final String STAGE_DELETED = "mapping.stage.deleted";
    public static final String TOUCHPOINT_DELETED = "mapping.touchpoint.deleted";

    public static final String RESPONSE_SUBMITTED = "feedback.response.submitted";
    public static final String RESPONSE_DELETED = "feedback.response.deleted";

    public static final String ALERT_RAISED = "metrics.alert.raised";

    /** {@code <service>.purge.completed}: a service has removed a deleted tenant's or workspace's data. */
    public static String purgeCompleted(String service) {
        return service + ".purge.completed";
    }

    private EventTypes() {
    }
}
