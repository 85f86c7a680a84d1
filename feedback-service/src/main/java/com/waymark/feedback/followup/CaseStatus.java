package com.waymark.feedback.followup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where a follow-up case stands; only open and in-progress cases can be overdue. */
enum CaseStatus {
    OPEN("open"),
    IN_PROGRESS("in-progress"),
    CLOSED("closed");

    static final String ALL = "open, in-progress or closed";

    private final String value;

    CaseStatus(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }

    static Optional<CaseStatus> fromValue(@Nullable String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst();
    }
}
