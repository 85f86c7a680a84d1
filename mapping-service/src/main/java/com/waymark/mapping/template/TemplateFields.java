package com.waymark.mapping.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Save the map of journey {@code journeyId} of workspace {@code workspaceId} (of this agency) as a template. */
record TemplateFields(
        @NotNull UUID journeyId,
        @NotNull UUID workspaceId,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 10_000) String description) {
}
