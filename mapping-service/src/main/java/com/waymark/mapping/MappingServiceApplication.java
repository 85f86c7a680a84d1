package com.waymark.mapping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Journey maps: channels, personas, journeys with stages, touchpoints, blueprint lanes and notes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MappingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MappingServiceApplication.class, args);
    }
}
