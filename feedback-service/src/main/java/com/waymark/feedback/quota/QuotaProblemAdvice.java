package com.waymark.feedback.quota;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import com.waymark.platform.error.Problems;

/** The platform's problem mapping, plus machine-readable {@code quota}, {@code plan} and {@code limit}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QuotaProblemAdvice {

    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceededException e) {
        ProblemDetail problem = Problems.of(e);
        problem.setProperty("quota", e.quota());
        problem.setProperty("plan", e.plan());
        problem.setProperty("limit", e.limit());
        return ResponseEntity.status(e.status()).body(problem);
    }
}
