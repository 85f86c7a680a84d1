package com.waymark.mapping.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.ValidationException;

/** Ordering of siblings (stages of a journey, touchpoints of a stage): positions are 0, 1, 2, … without gaps. */
public final class Positions {

    private Positions() {
    }

    /**
     * The order after putting {@code id} at {@code position} — inserting it if new, moving it if
     * already there. No position, or one past the end, means last.
     */
    public static List<UUID> place(List<UUID> order, UUID id, @Nullable Integer position) {
        List<UUID> result = new ArrayList<>(order);
        result.remove(id);
        int index = position == null ? result.size() : Math.max(0, Math.min(position, result.size()));
        result.add(index, id);
        return result;
    }

    /**
     * Checks that {@code requested} names exactly the ids of {@code current}, each once; 400 on
     * {@code field} otherwise.
     */
    public static List<UUID> reorder(List<UUID> current, List<UUID> requested, String field) {
        Set<UUID> unique = new HashSet<>(requested);
        if (unique.size() != requested.size()) {
            throw new ValidationException(field, "must not list an id twice");
        }
        if (!unique.equals(new HashSet<>(current))) {
            throw new ValidationException(field, "must list every id of the current order exactly once, and no other");
        }
        return List.copyOf(requested);
    }
}
