package com.waymark.feedback.respondent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on anonymous submissions (ARCHITECTURE.md: public endpoints are rate-limited per survey and
 * per client address), counted in fixed windows in this instance. The gateway limits per address too,
 * in front of this; a load test raises both (see bench/ingest).
 *
 * @param perSurvey  submissions one survey takes per window, from everyone together
 * @param perClient  submissions one client address may make per window, to any survey
 * @param window     the length of a window
 * @param cacheTtl   how long a token's survey is reused without reading it again; changes made through this
 *                   instance refresh it at once, the storing transaction checks the survey again anyway
 */
@ConfigurationProperties("waymark.feedback.public-limits")
record PublicLimitProperties(@DefaultValue("60000") int perSurvey, @DefaultValue("300") int perClient,
        @DefaultValue("1m") Duration window, @DefaultValue("10s") Duration cacheTtl) {

    PublicLimitProperties {
        if (perSurvey < 1 || perClient < 1) {
            throw new IllegalArgumentException("waymark.feedback.public-limits.per-survey and per-client must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("waymark.feedback.public-limits.window must be positive");
        }
    }
}
