package com.waymark.mapping.journey;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create body and PATCH target of a stage; no {@code position} means at the end. */
record StageFields(@NotBlank @Size(max = 200) String name, @Nullable @Min(0) Integer position) {
}
