package com.waymark.platform.error;

import org.springframework.http.HttpStatus;

/** The caller may see the resource but their role does not allow this action. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }
}
