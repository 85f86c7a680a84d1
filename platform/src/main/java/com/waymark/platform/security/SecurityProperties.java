package com.waymark.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service validates access tokens. The JWK set is fetched lazily, so a service starts while
 * Keycloak is still booting.
 *
 * @param issuerUri   the exact {@code iss} tokens must carry
 * @param jwkSetUri   where the signing keys are; defaults to Keycloak's certs endpoint of the issuer
 * @param audience    a value {@code aud} must contain
 * @param publicPaths ant patterns served without a token (e.g. {@code /public/**})
 */
@ConfigurationProperties("waymark.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8180/realms/waymark") String issuerUri,
        @DefaultValue("") String jwkSetUri,
        @DefaultValue("waymark-api") String audience,
        @DefaultValue({}) List<String> publicPaths) {

    public String effectiveJwkSetUri() {
        return jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
    }
}
