package com.waymark.feedback.survey;

import java.util.Map;

/** One answer a choice question offers: a stable id (what answers carry) and its text per language. */
public record ChoiceOption(String id, Map<String, String> text) {

    public ChoiceOption {
        text = Texts.copy(text);
    }
}
