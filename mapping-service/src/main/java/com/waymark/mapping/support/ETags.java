package com.waymark.mapping.support;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.PreconditionFailedException;

/** Optimistic concurrency on a versioned document: {@code ETag} out, {@code If-Match} in (412 on mismatch). */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when there is no {@code If-Match}, when it is {@code *}, or when one of its tags is the current version. */
    public static void check(@Nullable String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (!matches(ifMatch, currentVersion)) {
            throw new PreconditionFailedException("The map has changed since you read it (now at version "
                    + currentVersion + "); reload it and try again");
        }
    }

    /** True when the header ({@code If-Match} / {@code If-None-Match}) is {@code *} or lists the version (weak or strong). */
    public static boolean matches(@Nullable String header, long version) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String current = of(version);
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }
}
