package com.waymark.tenant.web;

import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.PreconditionFailedException;

/** Optimistic concurrency on agencies and workspaces: the ETag is the row's version. */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * No {@code If-Match} means the client does not ask for a check; otherwise one of its entity tags
     * (weak or strong, or {@code *}) must name this version, else 412.
     */
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
        throw new PreconditionFailedException("It was changed since you read it (its ETag is now " + current
                + "); read it again and retry");
    }
}
