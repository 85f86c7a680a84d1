package com.waymark.platform.access;

import java.util.Arrays;
import java.util.Optional;

/** Membership roles of ARCHITECTURE.md; {@code platform-admin} is a realm role, not a membership. */
public enum Role {
    AGENCY_ADMIN("agency-admin", true, Permission.ADMIN),
    AGENCY_STAFF("agency-staff", true, Permission.WRITE),
    CLIENT_ADMIN("client-admin", false, Permission.ADMIN),
    CLIENT_EDITOR("client-editor", false, Permission.WRITE),
    CLIENT_VIEWER("client-viewer", false, Permission.READ);

    private final String value;
    private final boolean tenantWide;
    private final Permission highest;

    Role(String value, boolean tenantWide, Permission highest) {
        this.value = value;
        this.tenantWide = tenantWide;
        this.highest = highest;
    }

    public String value() {
        return value;
    }

    /** Agency roles are held on the tenant and reach all its workspaces. */
    public boolean tenantWide() {
        return tenantWide;
    }

    public boolean allows(Permission permission) {
        return permission.ordinal() <= highest.ordinal();
    }

    public static Optional<Role> fromValue(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }

    /** The role that allows more; ties keep the first. */
    static Role stronger(Role a, Role b) {
        return b.highest.ordinal() > a.highest.ordinal() ? b : a;
    }
}
