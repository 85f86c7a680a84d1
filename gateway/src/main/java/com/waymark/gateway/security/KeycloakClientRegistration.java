package com.waymark.gateway.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import com.waymark.gateway.GatewayProperties;

/**
 * The Keycloak client, with its endpoints spelled out rather than discovered, so the gateway starts
 * (and serves the web app) while Keycloak is still booting.
 */
@Configuration
class KeycloakClientRegistration {

    static final String REGISTRATION_ID = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        GatewayProperties.Keycloak keycloak = properties.keycloak();
        String oidc = keycloak.issuerUri() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuerUri())
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .jwkSetUri(oidc + "/certs")
                .userInfoUri(oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
                .clientName("Waymark")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }
}
