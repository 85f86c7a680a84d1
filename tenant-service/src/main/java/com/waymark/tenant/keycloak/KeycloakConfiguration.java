package com.waymark.tenant.keycloak;

import jakarta.ws.rs.client.Client;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

    /**
     * The admin client authenticates lazily (on the first call) and refreshes its token itself, so the
     * service starts while Keycloak is still booting. Bounded timeouts turn a hanging Keycloak into a
     * 503 instead of a stuck request thread.
     */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakProperties properties) {
        // same builder the admin client uses by default (pool, Keycloak's lenient Jackson provider), plus timeouts
        Client client = ResteasyClientClassicProvider.createClientBuilder()
                .register(JacksonProvider.class, 100)
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(client)
                .build();
    }

    @Bean
    IdentityDirectory identityDirectory(Keycloak keycloak, KeycloakProperties properties) {
        return new IdentityDirectory(keycloak, properties.realm());
    }

    @Bean
    IdentityBrokers identityBrokers(Keycloak keycloak, KeycloakProperties properties, IdentityDirectory directory) {
        return new IdentityBrokers(keycloak, properties.realm(), directory);
    }
}
