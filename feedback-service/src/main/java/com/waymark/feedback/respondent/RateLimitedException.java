package com.waymark.feedback.respondent;

import org.springframework.http.HttpStatus;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ProblemTypes;

/** 429 {@code rate-limited}; answered with {@code Retry-After}. */
class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    RateLimitedException(String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
                detail + "; please wait " + retryAfterSeconds + " seconds and try again");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
