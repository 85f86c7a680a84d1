package com.waymark.platform.error;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A domain failure the client should hear about. Mapped once to problem+json by
 * {@link ProblemDetailsAdvice}; subclasses fix the status and type.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, URI type, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, URI type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
