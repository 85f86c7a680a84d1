package com.waymark.mapping.persona;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The editable fields of a persona (create body and PATCH target). */
record PersonaFields(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 5000) String description) {
}
