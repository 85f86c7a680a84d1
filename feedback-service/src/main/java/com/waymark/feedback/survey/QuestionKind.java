package com.waymark.feedback.survey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a question asks for; scored kinds carry the scale of DOMAIN.md. */
public enum QuestionKind {
    NPS("nps", 0, 10),
    CSAT("csat", 1, 5),
    CES("ces", 1, 7),
    TEXT("text", null, null),
    SINGLE_CHOICE("single-choice", null, null),
    MULTI_CHOICE("multi-choice", null, null);

    private final String value;
    private final @Nullable Integer min;
    private final @Nullable Integer max;

    QuestionKind(String value, @Nullable Integer min, @Nullable Integer max) {
        this.value = value;
        this.min = min;
        this.max = max;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** NPS, CSAT and CES answers are integer scores that metrics aggregate. */
    public boolean scored() {
        return min != null;
    }

    public boolean choice() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    /** Lowest score; only for {@link #scored()} kinds. */
    public int min() {
        if (min == null) {
            throw new IllegalStateException(value + " has no scale");
        }
        return min;
    }

    /** Highest score; only for {@link #scored()} kinds. */
    public int max() {
        if (max == null) {
            throw new IllegalStateException(value + " has no scale");
        }
        return max;
    }

    public static Optional<QuestionKind> fromValue(@Nullable String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
    }

    public static String allValues() {
        return String.join(", ", Arrays.stream(values()).map(QuestionKind::value).toList());
    }
}
