package com.waymark.mapping.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create body and PATCH target of a piece of evidence; a touchpoint implies its stage. */
record EvidenceFields(
        @Nullable UUID stageId,
        @Nullable UUID touchpointId,
        @NotNull @Pattern(regexp = "quote|observation|data", message = "must be quote, observation or data") String kind,
        @NotBlank @Size(max = 5000) String text,
        @Nullable @Size(max = 500) String source,
        @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String link) {
}
