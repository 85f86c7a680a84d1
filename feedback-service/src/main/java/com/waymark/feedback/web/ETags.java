package com.waymark.feedback.web;

import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.PreconditionFailedException;

/** Optimistic concurrency on editable documents: the ETag is the document's version. */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** No {@code If-Match} means the client does not ask for a check; otherwise it must name this version. */
    public static void requireMatch(@Nullable String ifMatch, int version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(version);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if ("*".equals(tag) || current.equals(tag)) {
                return;
            }
        }
        throw new PreconditionFailedException("The resource was changed since you read it (it is at version "
                + version + "); read it again and retry");
    }
}
