package com.waymark.platform.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests authenticated as a given user, as if with a validated Keycloak token. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A user whose token subject (the id memberships refer to) is {@code userId}. */
    public static RequestPostProcessor as(String userId, String... realmRoles) {
        List<String> roles = Arrays.asList(realmRoles);
        return jwt()
                .jwt(token -> token.subject(userId)
                        .claim("preferred_username", userId)
                        .claim("email", userId + "@example.test")
                        .claim("realm_access", Map.of("roles", roles)))
                .authorities(roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    public static RequestPostProcessor platformAdmin() {
        return as("platform-admin-user", "platform-admin");
    }
}
