package com.waymark.platform.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Input that is well-formed but not acceptable; names every field at fault. */
public class ValidationException extends ApiException {

    public ValidationException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                "The request has " + errors.size() + " invalid field(s)", errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
