package com.waymark.metrics.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.waymark.metrics.score.Scores;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Days are UTC days: rollups bucket answers by the UTC date of their submission. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Scores scores(MetricsProperties properties) {
        return new Scores(properties.minN());
    }
}
