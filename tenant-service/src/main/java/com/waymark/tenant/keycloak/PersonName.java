package com.waymark.tenant.keycloak;

import org.jspecify.annotations.Nullable;

/** Keycloak keeps first and last names; the API takes one display name. */
record PersonName(String first, @Nullable String last) {

    static PersonName split(String name) {
        String trimmed = name.trim().replaceAll("\\s+", " ");
        int space = trimmed.indexOf(' ');
        return space < 0 ? new PersonName(trimmed, null)
                : new PersonName(trimmed.substring(0, space), trimmed.substring(space + 1));
    }

    static @Nullable String join(@Nullable String first, @Nullable String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return joined.isEmpty() ? null : joined;
    }
}
