package com.waymark.platform.error;

import org.springframework.http.HttpStatus;

public class GoneException extends ApiException {

    public GoneException(String detail) {
        super(HttpStatus.GONE, ProblemTypes.GONE, "Gone", detail);
    }
}
