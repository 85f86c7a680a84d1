package com.waymark.platform.error;

import java.util.List;
import org.springframework.http.HttpStatus;

public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail);
    }

    public ConflictException(String field, String detail) {
        super(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail, List.of(new FieldProblem(field, detail)));
    }
}
