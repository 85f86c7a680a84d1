package com.waymark.tenant.membership;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.tenant.keycloak.ProvisionedUser;

/** Who a membership is for, as Keycloak knows them; kept with the membership so lists need no Keycloak call. */
public record MemberProfile(UUID userId, String username, @Nullable String email, @Nullable String name) {

    public static MemberProfile of(ProvisionedUser user) {
        return new MemberProfile(UUID.fromString(user.userId()), user.username(), user.email(), user.name());
    }
}
