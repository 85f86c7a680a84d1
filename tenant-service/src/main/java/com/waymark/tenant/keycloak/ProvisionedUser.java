package com.waymark.tenant.keycloak;

import org.jspecify.annotations.Nullable;

/**
 * A Keycloak user found or created for a membership.
 *
 * @param userId            Keycloak's id, which is the token subject memberships refer to
 * @param temporaryPassword set only when the user was created just now; shown once, never stored
 * @param created           whether this call created the user (and so must delete it to undo)
 */
public record ProvisionedUser(String userId, String username, String email, @Nullable String name,
        @Nullable String temporaryPassword, boolean created) {

    @Override
    public String toString() {
        // never let the temporary password reach a log line
        return "ProvisionedUser[userId=" + userId + ", username=" + username + ", created=" + created + "]";
    }
}
