package com.waymark.mapping.persona;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The kind of customer a journey is about. */
record Persona(UUID id, String name, @Nullable String description, Instant createdAt, Instant updatedAt) {

    PersonaFields fields() {
        return new PersonaFields(name, description);
    }
}
