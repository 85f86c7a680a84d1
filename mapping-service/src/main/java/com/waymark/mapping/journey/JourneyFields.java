package com.waymark.mapping.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a journey (create body and PATCH target). {@code state} defaults to
 * {@code current} and {@code reviewEveryDays} to 90 (a quarterly review).
 */
record JourneyFields(
        @NotBlank @Size(max = 200) String name,
        @Nullable UUID personaId,
        @Pattern(regexp = "current|future", message = "must be current or future") String state,
        @Nullable @Size(max = 200) String ownerName,
        @Min(1) @Max(3650) Integer reviewEveryDays,
        @Nullable @Size(max = 10_000) String description) {

    static final String DEFAULT_STATE = "current";
    static final int DEFAULT_REVIEW_EVERY_DAYS = 90;

    JourneyFields {
        state = state == null ? DEFAULT_STATE : state;
        reviewEveryDays = reviewEveryDays == null ? DEFAULT_REVIEW_EVERY_DAYS : reviewEveryDays;
    }
}
