package com.waymark.platform.error;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way everywhere (web layer and security entry points). */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.status(), e.type(), e.title(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    public static ProblemDetail validation(List<FieldProblem> errors) {
        return of(new ValidationException(errors));
    }

    /** The stable type for a status that has no more specific one. */
    public static URI typeForStatus(int status) {
        return switch (status) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 409 -> ProblemTypes.CONFLICT;
            case 410 -> ProblemTypes.GONE;
            case 412 -> ProblemTypes.PRECONDITION_FAILED;
            case 413 -> ProblemTypes.TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemTypes.RATE_LIMITED;
            case 503 -> ProblemTypes.UPSTREAM_UNAVAILABLE;
            default -> ProblemTypes.INTERNAL;
        };
    }
}
