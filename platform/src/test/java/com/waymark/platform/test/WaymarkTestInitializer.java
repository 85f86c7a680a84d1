package com.waymark.platform.test;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at this run's own database and vhost (see {@link TestInfrastructure}). */
public class WaymarkTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String service = environment.getProperty("spring.application.name", "service");
        environment.getPropertySources().addFirst(new MapPropertySource("waymarkTestInfrastructure", Map.of(
                "spring.datasource.url", TestInfrastructure.databaseUrl(service),
                "spring.rabbitmq.virtual-host", TestInfrastructure.vhost(),
                "spring.rabbitmq.host", "127.0.0.1",
                "waymark.security.issuer-uri", "http://localhost:1/realms/test",
                "waymark.messaging.relay-interval", "100ms")));
    }
}
