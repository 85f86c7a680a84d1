package com.waymark.tenant.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the service's admin client at the test Keycloak. */
public class KeycloakTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("waymarkTestKeycloak",
                Map.of("waymark.keycloak.server-url", KeycloakTestServer.url())));
    }
}
