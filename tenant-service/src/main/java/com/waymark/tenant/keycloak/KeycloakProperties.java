package com.waymark.tenant.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tenant-service reaches Keycloak's admin API: as the service account of a confidential client
 * (client-credentials grant), never as a human administrator.
 *
 * @param serverUrl      Keycloak's base URL (without {@code /realms/...})
 * @param realm          the realm agencies and their users live in
 * @param clientId       the confidential client whose service account holds the realm-management roles
 * @param clientSecret   its secret
 * @param connectTimeout how long to wait for a connection before answering 503
 * @param readTimeout    how long to wait for an answer before answering 503
 */
@ConfigurationProperties("waymark.keycloak")
public record KeycloakProperties(
        @DefaultValue("http://localhost:8180") String serverUrl,
        @DefaultValue("waymark") String realm,
        @DefaultValue("waymark-tenant-service") String clientId,
        @DefaultValue("waymark-tenant-service-secret") String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout) {
}
