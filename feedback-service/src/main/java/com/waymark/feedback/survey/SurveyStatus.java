package com.waymark.feedback.survey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** A draft is edited freely, an active survey takes answers, a closed one answers 410. */
public enum SurveyStatus {
    DRAFT("draft"),
    ACTIVE("active"),
    CLOSED("closed");

    private final String value;

    SurveyStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<SurveyStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst();
    }
}
