package com.waymark.mapping.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Create body and PATCH target of an opportunity; {@code status} defaults to {@code idea}. */
record OpportunityFields(
        @Nullable UUID painPointId,
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 5000) String description,
        @NotNull @Min(1) @Max(5) Integer impact,
        @NotNull @Min(1) @Max(5) Integer effort,
        @Pattern(regexp = "idea|planned|in-progress|done", message = "must be idea, planned, in-progress or done") String status,
        @Nullable @Size(max = 200) String owner) {

    OpportunityFields {
        status = status == null ? "idea" : status;
    }
}
