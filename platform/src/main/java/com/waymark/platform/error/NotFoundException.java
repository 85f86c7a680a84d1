package com.waymark.platform.error;

import org.springframework.http.HttpStatus;

/** Unknown resource, or one of another tenant or workspace: both look the same from outside. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", what + " was not found");
    }
}
