package com.waymark.tenant.sso;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keycloakPublicUrl Keycloak's URL as browsers (and the agency's provider) see it, for the
 *                          redirect URI shown to agency admins; {@code waymark.keycloak.server-url} when unset
 */
@ConfigurationProperties("waymark.sso")
record SsoProperties(@Nullable String keycloakPublicUrl) {
}
