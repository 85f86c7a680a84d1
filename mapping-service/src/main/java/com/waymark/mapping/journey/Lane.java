package com.waymark.mapping.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** One service-blueprint lane of a touchpoint: what happens there, and the department that owns it. */
record Lane(@NotBlank @Size(max = 2000) String text, @Nullable @Size(max = 200) String owningTeam) {

    static @Nullable Lane of(@Nullable String text, @Nullable String owningTeam) {
        return text == null ? null : new Lane(text, owningTeam);
    }
}
