package com.waymark.feedback.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One question of a survey. {@code id} is a slug unique in the survey: answers, CSV columns and
 * events refer to it. {@code options} exist for choice kinds only.
 */
public record Question(String id, QuestionKind kind, Map<String, String> text, boolean required,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<ChoiceOption> options) {

    public Question {
        text = Texts.copy(text);
        options = options == null ? null : List.copyOf(options);
    }

    public List<ChoiceOption> choices() {
        return options == null ? List.of() : options;
    }

    public Optional<ChoiceOption> option(String optionId) {
        return choices().stream().filter(option -> option.id().equals(optionId)).findFirst();
    }
}
