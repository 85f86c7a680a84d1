package com.waymark.tenant.membership;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.access.Role;

/** One role of one user on an agency (agency roles) or on one workspace (client roles). */
record Member(UUID userId, String username, @Nullable String email, @Nullable String name, Role role,
        Instant createdAt) {
}
