package com.waymark.platform.events;

/** Routing keys on {@code cx.events}: {@code <service>.<entity>.<happened>}. */
public final class EventTypes {

    public static final String TENANT_CREATED = "tenant.tenant.created";
    public static final String TENANT_UPDATED = "tenant.tenant.updated";
    public static final String WORKSPACE_CREATED = "tenant.workspace.created";
    public static final String MEMBER_ADDED = "tenant.member.added";
    public static final String MEMBER_REMOVED = "tenant.member.removed";

    public static final String JOURNEY_CHANGED = "mapping.journey.changed";
    public static final String STAGE_CHANGED = "mapping.stage.changed";
    public static final String TOUCHPOINT_CHANGED = "mapping.touchpoint.changed";

    public static final String RESPONSE_SUBMITTED = "feedback.response.submitted";

    private EventTypes() {
    }
}
