package com.waymark.tenant.deletion;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param services the services (their {@code spring.application.name}) that must report
 *                 {@code <service>.purge.completed} before an agency's deletion is complete
 */
@ConfigurationProperties("waymark.purge")
public record PurgeProperties(
        @DefaultValue({ "tenant-service", "mapping-service", "feedback-service", "metrics-service" }) List<String> services) {

    public PurgeProperties {
        services = List.copyOf(services);
    }
}
