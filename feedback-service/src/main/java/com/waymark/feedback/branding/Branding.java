package com.waymark.feedback.branding;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A workspace's branding as stored; {@code version} 0 means it was never set (defaults apply). */
record Branding(UUID workspaceId, PublicBranding look, int version, @Nullable Instant updatedAt) {

    static Branding unset(UUID workspaceId) {
        return new Branding(workspaceId, new PublicBranding(null, null, null, null), 0, null);
    }
}
