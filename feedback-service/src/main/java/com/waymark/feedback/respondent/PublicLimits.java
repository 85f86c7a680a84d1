package com.waymark.feedback.respondent;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Anonymous submissions per client address and per survey (429 with Retry-After beyond either). */
@Component
class PublicLimits {

    private final FixedWindowLimiter perClient;
    private final FixedWindowLimiter perSurvey;

    PublicLimits(PublicLimitProperties properties) {
        Clock clock = Clock.systemUTC();
        this.perClient = new FixedWindowLimiter(properties.perClient(), properties.window(), clock);
        this.perSurvey = new FixedWindowLimiter(properties.perSurvey(), properties.window(), clock);
    }

    /** Before anything is looked up: an address over its limit costs nothing more. */
    void checkClient(String address) {
        long wait = perClient.acquire(address);
        if (wait > 0) {
            throw new RateLimitedException("Too many submissions from your address", wait);
        }
    }

    void checkSurvey(UUID surveyId) {
        long wait = perSurvey.acquire(surveyId.toString());
        if (wait > 0) {
            throw new RateLimitedException("This survey is receiving too many submissions", wait);
        }
    }
}
