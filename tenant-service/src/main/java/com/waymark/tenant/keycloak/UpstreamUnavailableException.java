package com.waymark.tenant.keycloak;

import org.springframework.http.HttpStatus;
import com.waymark.platform.error.ApiException;
import com.waymark.platform.error.ProblemTypes;

/** Keycloak could not be reached (503) or did not do what was asked (502). Says nothing about Keycloak's internals. */
public class UpstreamUnavailableException extends ApiException {

    private UpstreamUnavailableException(HttpStatus status, String detail) {
        super(status, ProblemTypes.UPSTREAM_UNAVAILABLE, "Identity provider unavailable", detail);
    }

    static UpstreamUnavailableException unreachable() {
        return new UpstreamUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
                "The identity provider is not reachable right now; nothing was changed. Try again shortly.");
    }

    static UpstreamUnavailableException failed() {
        return new UpstreamUnavailableException(HttpStatus.BAD_GATEWAY,
                "The identity provider could not complete the request; nothing was changed.");
    }
}
