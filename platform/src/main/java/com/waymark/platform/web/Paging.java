package com.waymark.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.ValidationException;

/**
 * Keyset paging by a sortable id: the cursor is the opaque form of the last id of the previous page.
 * Query {@code limit + 1} rows after {@link #after}; {@link #page} trims and builds the next cursor.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** The id to continue after; null for the first page. */
    public static @Nullable UUID after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this API returned");
        }
    }

    public static <T> Page<T> page(List<T> rowsPlusOne, int limit, Function<T, UUID> id) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(id.apply(items.get(limit - 1)).toString().getBytes(StandardCharsets.UTF_8));
        return new Page<>(items, next);
    }
}
