package com.waymark.mapping.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create body and PATCH target of a pain point; a touchpoint implies its stage. */
record PainPointFields(
        @Nullable UUID stageId,
        @Nullable UUID touchpointId,
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 5000) String description,
        @NotNull @Min(1) @Max(5) Integer severity) {
}
