package com.waymark.platform.error;

import java.net.URI;

/** Stable problem {@code type} URIs (RFC 9457). Clients may switch on them; never rename one. */
public final class ProblemTypes {

    public static final String BASE = "https://waymark.dev/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI TENANT_SUSPENDED = of("tenant-suspended");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI CONFLICT = of("conflict");
    public static final URI QUOTA_EXCEEDED = of("quota-exceeded");
    public static final URI GONE = of("gone");
    public static final URI PRECONDITION_FAILED = of("precondition-failed");
    public static final URI TOO_LARGE = of("too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI UPSTREAM_UNAVAILABLE = of("upstream-unavailable");
    public static final URI INTERNAL = of("internal");

    private ProblemTypes() {
    }

    private static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
