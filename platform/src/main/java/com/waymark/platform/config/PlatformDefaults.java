package com.waymark.platform.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service needs to behave as the platform expects, added with the lowest precedence
 * so a service's own configuration can still override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        // the outbox relay waits for publisher confirms
        defaults.put("spring.rabbitmq.publisher-confirm-type", "simple");
        defaults.put("spring.rabbitmq.host", "127.0.0.1");
        // Flyway migrates as the schema owner; the service itself connects as a role that owns
        // nothing and cannot bypass row-level security.
        defaults.put("spring.datasource.username", "waymark_app");
        defaults.put("spring.datasource.password", "waymark_app");
        // explicit: Flyway cannot derive a URL from the tenant-aware wrapper around the pool
        defaults.put("spring.flyway.url", "${spring.datasource.url}");
        defaults.put("spring.flyway.user", "waymark_owner");
        defaults.put("spring.flyway.password", "waymark_owner");
        defaults.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration");
        defaults.put("spring.flyway.placeholders.app_role", "waymark_app");
        // platform migrations (0.x) are added after a service's own (1+) already ran; they touch only
        // platform tables, so applying them out of order is safe and keeps existing databases upgradable
        defaults.put("spring.flyway.out-of-order", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,rabbit");
        defaults.put("logging.pattern.level", "%5p [tenant=%X{tenantId:-} workspace=%X{workspaceId:-}]");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        environment.getPropertySources().addLast(new MapPropertySource("waymarkPlatformDefaults", defaults));
    }
}
