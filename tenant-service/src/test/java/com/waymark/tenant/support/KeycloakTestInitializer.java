package com.waymark.tenant.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service's admin client at the test Keycloak, with a patient read timeout: a fresh
 * Keycloak on a busy shared build machine can take longer than production's 15 s for its first calls.
 * A small connection pool, too: the shared PostgreSQL also serves running stacks and other test runs.
 */
public class KeycloakTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("waymarkTestKeycloak",
                Map.of("waymark.keycloak.server-url", KeycloakTestServer.url(), "waymark.keycloak.read-timeout", "60s",
                        "spring.datasource.hikari.maximum-pool-size", "5")));
    }
}
