package com.waymark.tenant.tenant;

/** What a plan limits (ARCHITECTURE.md "Plans and quotas"). */
public enum Quota {
    /** client workspaces of an agency */
    WORKSPACES("workspaces"),
    /** distinct users with any role in an agency or one of its workspaces */
    MEMBERS("members");

    private final String value;

    Quota(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
