package com.waymark.tenant.tenant;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/** An agency's plan and the quotas it sets. {@code scale} is unlimited. */
public enum Plan {
    STARTER("starter", 3, 10),
    GROWTH("growth", 25, 100),
    SCALE("scale", -1, -1);

    private static final int UNLIMITED = -1;

    private final String value;
    private final int workspaces;
    private final int members;

    Plan(String value, int workspaces, int members) {
        this.value = value;
        this.workspaces = workspaces;
        this.members = members;
    }

    public String value() {
        return value;
    }

    public OptionalInt limit(Quota quota) {
        int limit = switch (quota) {
            case WORKSPACES -> workspaces;
            case MEMBERS -> members;
        };
        return limit == UNLIMITED ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** Throws {@link QuotaExceededException} when one more would go beyond the plan, given {@code inUse}. */
    public void requireRoomForOneMore(Quota quota, long inUse) {
        OptionalInt limit = limit(quota);
        if (limit.isPresent() && inUse >= limit.getAsInt()) {
            throw new QuotaExceededException(quota, this, limit.getAsInt());
        }
    }

    public static Optional<Plan> fromValue(String value) {
        return Arrays.stream(values()).filter(plan -> plan.value.equals(value)).findFirst();
    }

    public static Plan of(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException("Unknown plan " + value));
    }
}
