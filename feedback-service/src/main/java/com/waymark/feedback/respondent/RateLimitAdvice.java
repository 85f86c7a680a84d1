package com.waymark.feedback.respondent;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import com.waymark.platform.error.Problems;

/** The platform's problem mapping, plus the {@code Retry-After} header a client should honour. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(e));
    }
}
