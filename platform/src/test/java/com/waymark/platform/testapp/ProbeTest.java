package com.waymark.platform.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import com.waymark.platform.test.IntegrationTest;

/** The probe service on this run's database and vhost; one shared context for all platform ITs. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "spring.application.name=platform-probe",
        "spring.flyway.locations=classpath:db/platform,classpath:db/platformtest" })
public @interface ProbeTest {
}
