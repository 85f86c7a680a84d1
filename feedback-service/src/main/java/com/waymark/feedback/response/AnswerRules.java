package com.waymark.feedback.response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import com.waymark.feedback.survey.ChoiceOption;
import com.waymark.feedback.survey.Question;
import com.waymark.feedback.survey.QuestionKind;
import com.waymark.feedback.survey.SurveyContent;
import com.waymark.platform.error.FieldProblem;

/**
 * Checks answers against the survey: each answers a question of it (once), each value fits its
 * question's kind (NPS 0–10, CSAT 1–5, CES 1–7 integers; text up to 5000 characters; option ids from
 * the list), and every required question is answered.
 */
final class AnswerRules {

    static final int MAX_TEXT = 5000;

    /** Where a problem is reported: JSON paths for the API, column names for a CSV import. */
    interface Paths {
        String answer(int index);

        String questionId(int index);

        String value(int index);

        /** A required question that was not answered at all. */
        FieldProblem missing(String questionId);
    }

    static final Paths JSON = new Paths() {
        @Override
        public String answer(int index) {
            return "answers[" + index + "]";
        }

        @Override
        public String questionId(int index) {
            return "answers[" + index + "].questionId";
        }

        @Override
        public String value(int index) {
            return "answers[" + index + "].value";
        }

        @Override
        public FieldProblem missing(String questionId) {
            return new FieldProblem("answers", "question '" + questionId + "' is required");
        }
    };

    private AnswerRules() {
    }

    /**
     * One stored answer per question of the survey, in the survey's order (skipped ones with a null
     * value); problems are added to {@code problems} and the result is then meaningless.
     */
    static List<StoredAnswer> check(SurveyContent content, List<@Nullable AnswerInput> answers, Paths paths,
            List<FieldProblem> problems) {
        Map<String, JsonNode> given = new HashMap<>();
        Set<String> answeredExplicitly = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            AnswerInput answer = answers.get(i);
            if (answer == null) {
                problems.add(new FieldProblem(paths.answer(i), "must be an answer object"));
                continue;
            }
            String questionId = answer.questionId();
            if (questionId == null || questionId.isBlank()) {
                problems.add(new FieldProblem(paths.questionId(i), "must not be blank"));
                continue;
            }
            Question question = content.question(questionId).orElse(null);
            if (question == null) {
                problems.add(new FieldProblem(paths.questionId(i), "is not a question of this survey"));
                continue;
            }
            if (!answeredExplicitly.add(questionId)) {
                problems.add(new FieldProblem(paths.questionId(i), "is answered more than once"));
                continue;
            }
            int before = problems.size();
            JsonNode value = normalise(question, answer.value(), paths.value(i), problems);
            if (value != null) {
                given.put(questionId, value);
            } else if (question.required() && problems.size() == before) {
                problems.add(new FieldProblem(paths.value(i), "is required"));
            }
        }
        List<StoredAnswer> stored = new ArrayList<>();
        for (Question question : content.questions()) {
            JsonNode value = given.get(question.id());
            if (value == null && question.required() && !answeredExplicitly.contains(question.id())) {
                problems.add(paths.missing(question.id()));
            }
            Integer score = value != null && question.kind().scored() ? Integer.valueOf(value.intValue()) : null;
            stored.add(new StoredAnswer(question.id(), question.kind(), value, score));
        }
        return stored;
    }

    /** The value in its stored form, null when skipped; adds a problem when it does not fit the question. */
    private static @Nullable JsonNode normalise(Question question, @Nullable JsonNode value, String path,
            List<FieldProblem> problems) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        QuestionKind kind = question.kind();
        switch (kind) {
            case NPS, CSAT, CES -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()
                        || value.intValue() < kind.min() || value.intValue() > kind.max()) {
                    problems.add(new FieldProblem(path, "must be an integer from " + kind.min() + " to " + kind.max()));
                    return null;
                }
                return JsonNodeFactory.instance.numberNode(value.intValue());
            }
            case TEXT -> {
                if (!value.isString()) {
                    problems.add(new FieldProblem(path, "must be a text"));
                    return null;
                }
                String text = value.stringValue().strip();
                if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                    problems.add(new FieldProblem(path, "must be at most " + MAX_TEXT + " characters"));
                    return null;
                }
                return text.isEmpty() ? null : JsonNodeFactory.instance.stringNode(text);
            }
            case SINGLE_CHOICE -> {
                if (!value.isString() || question.option(value.stringValue()).isEmpty()) {
                    problems.add(new FieldProblem(path, "must be one of the option ids " + optionIds(question)));
                    return null;
                }
                return value;
            }
            case MULTI_CHOICE -> {
                if (!value.isArray()) {
                    problems.add(new FieldProblem(path, "must be a list of option ids from " + optionIds(question)));
                    return null;
                }
                Set<String> chosen = new LinkedHashSet<>();
                for (int j = 0; j < value.size(); j++) {
                    JsonNode element = value.get(j);
                    if (!element.isString() || question.option(element.stringValue()).isEmpty()) {
                        problems.add(new FieldProblem(path + "[" + j + "]", "must be one of the option ids " + optionIds(question)));
                        return null;
                    }
                    if (!chosen.add(element.stringValue())) {
                        problems.add(new FieldProblem(path + "[" + j + "]", "is chosen more than once"));
                        return null;
                    }
                }
                if (chosen.isEmpty()) {
                    return null;
                }
                var list = JsonNodeFactory.instance.arrayNode();
                chosen.forEach(list::add);
                return list;
            }
        }
        throw new IllegalStateException("unhandled kind " + kind);
    }

    private static String optionIds(Question question) {
        return String.join(", ", question.choices().stream().map(ChoiceOption::id).toList());
    }
}
