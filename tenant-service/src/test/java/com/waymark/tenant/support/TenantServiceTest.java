package com.waymark.tenant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;
import com.waymark.platform.test.IntegrationTest;
import com.waymark.platform.test.WaymarkTestInitializer;

/**
 * The whole service on this run's PostgreSQL database, RabbitMQ vhost and a real Keycloak. Every
 * integration test class carries exactly this annotation, so they all share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
// replaces @IntegrationTest's initializer list, so it names the platform's initializer again
@ContextConfiguration(initializers = { WaymarkTestInitializer.class, KeycloakTestInitializer.class })
public @interface TenantServiceTest {
}
