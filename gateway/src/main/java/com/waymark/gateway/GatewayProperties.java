package com.waymark.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keycloak where users log in and which tokens are accepted
 * @param publicLimits protection of the anonymous {@code /public/**} endpoints
 */
@ConfigurationProperties("waymark")
public record GatewayProperties(Keycloak keycloak, @DefaultValue PublicLimits publicLimits) {

    /**
     * @param issuerUri    the realm's issuer, e.g. {@code http://localhost:8180/realms/waymark}
     * @param audience     what bearer tokens must be meant for
     * @param clientId     the gateway's confidential client
     * @param clientSecret its secret
     */
    public record Keycloak(String issuerUri, @DefaultValue("waymark-api") String audience,
            @DefaultValue("waymark-gateway") String clientId, String clientSecret) {
    }

    /**
     * @param maxBodyBytes      largest request body accepted on {@code /public/**}
     * @param maxApiBodyBytes   largest request body accepted anywhere else (CSV imports included)
     * @param requestsPerMinute per client address and window, for writes on {@code /public/**}
     * @param loginsPerMinute   per client address and window, for starting or completing a login
     * @param window            the length of a rate-limit window
     */
    public record PublicLimits(@DefaultValue("65536") long maxBodyBytes, @DefaultValue("10485760") long maxApiBodyBytes,
            @DefaultValue("120") int requestsPerMinute, @DefaultValue("30") int loginsPerMinute,
            @DefaultValue("1m") Duration window) {
    }
}
