package com.waymark.tenant.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.JsonPaths;
import com.waymark.platform.error.ProblemTypes;
import com.waymark.platform.error.Problems;
import com.waymark.platform.error.ValidationException;

/**
 * A body that cannot be read always names a field, so clients can treat every 400 alike: the JSON
 * path at fault, or {@code body} when the body is missing, {@code null} or not JSON at all (the
 * platform's mapping leaves {@code errors} out in that case).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableBodyAdvice {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = jacksonCause(e);
        if (jackson == null) {
            return answer(new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The request body is missing or is not valid JSON",
                    List.of(new FieldProblem("body", "is missing or is not a JSON object"))));
        }
        String field = JsonPaths.of(jackson);
        String message = jackson instanceof UnrecognizedPropertyException ? "is not a known field"
                : field.isEmpty() ? "is not valid JSON or not a JSON object" : "has the wrong type or format";
        return answer(new ValidationException(field.isEmpty() ? "body" : field, message));
    }

    private static ResponseEntity<ProblemDetail> answer(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e));
    }

    private static @Nullable JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
