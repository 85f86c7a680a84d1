package com.waymark.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a list endpoint: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
