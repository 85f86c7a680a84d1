package com.waymark.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller, read only from the validated token: the subject is the user id that
 * memberships refer to; realm roles only matter for {@code platform-admin}.
 */
public record CurrentUser(String userId, String username, @Nullable String email, @Nullable String name,
        Set<String> realmRoles) {

    public static final String PLATFORM_ADMIN = "platform-admin";

    public boolean isPlatformAdmin() {
        return realmRoles.contains(PLATFORM_ADMIN);
    }

    public static CurrentUser from(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        return new CurrentUser(jwt.getSubject(), username == null ? jwt.getSubject() : username,
                jwt.getClaimAsString("email"), jwt.getClaimAsString("name"), realmRoles(jwt));
    }

    /** The caller of the current request; fails if the request is not authenticated by a token. */
    public static CurrentUser require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new IllegalStateException("No token-authenticated user on this thread");
    }

    static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    static List<String> authoritiesOf(Jwt jwt) {
        return realmRoles(jwt).stream().map(role -> "ROLE_" + role).toList();
    }
}
