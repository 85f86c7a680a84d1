package com.waymark.feedback.survey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import com.waymark.feedback.survey.SurveyRequest.OptionRequest;
import com.waymark.feedback.survey.SurveyRequest.QuestionRequest;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/**
 * What makes a survey well-formed. Every problem is reported at once, each with the JSON path of the
 * field at fault ({@code questions[1].text.de}), so a survey builder can mark them all.
 */
final class SurveyRules {

    static final int MAX_NAME = 200;
    static final int MAX_LANGUAGES = 20;
    static final int MAX_QUESTIONS = 50;
    static final int MAX_OPTIONS = 50;
    static final int MAX_TEXT = 1000;
    static final int MAX_OPTION_TEXT = 300;

    /** BCP 47-ish: a 2–3 letter language with optional script/region/variant subtags (en, pt-BR, zh-Hant-TW). */
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** Question ids that would clash with the fixed columns of a CSV import. */
    static final Set<String> RESERVED_IDS = Set.of("lang", "segment", "channel");

    private SurveyRules() {
    }

    static SurveyDraft validate(SurveyRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        }
        List<String> languages = languages(request.languages(), problems);
        List<Question> questions = questions(request.questions(), languages, problems);
        Map<String, String> thankYou = texts(request.thankYou(), languages, "thankYou", false, MAX_TEXT, problems);
        if (request.touchpointId() != null && request.journeyId() != null) {
            // a survey asks about one touchpoint or about a whole journey, never both
            problems.add(new FieldProblem("touchpointId", "must not be set together with journeyId"));
            problems.add(new FieldProblem("journeyId", "must not be set together with touchpointId"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new SurveyDraft(name, request.touchpointId(), request.journeyId(), new SurveyContent(languages, questions, thankYou),
                Boolean.TRUE.equals(request.openCaseForDetractors()));
    }

    private static List<String> languages(@Nullable List<String> given, List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            problems.add(new FieldProblem("languages", "must list at least one language"));
            return List.of();
        }
        if (given.size() > MAX_LANGUAGES) {
            problems.add(new FieldProblem("languages", "must list at most " + MAX_LANGUAGES + " languages"));
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String language = given.get(i);
            String field = "languages[" + i + "]";
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                problems.add(new FieldProblem(field, "must be a language code such as en or pt-BR"));
            } else if (!seen.add(language.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(field, "is listed twice"));
            } else {
                valid.add(language);
            }
        }
        return valid;
    }

    private static List<Question> questions(@Nullable List<QuestionRequest> given, List<String> languages,
            List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            problems.add(new FieldProblem("questions", "must have at least one question"));
            return List.of();
        }
        if (given.size() > MAX_QUESTIONS) {
            problems.add(new FieldProblem("questions", "must have at most " + MAX_QUESTIONS + " questions"));
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "questions[" + i + "]";
            QuestionRequest question = given.get(i);
            if (question == null) {
                problems.add(new FieldProblem(path, "must be a question object"));
                continue;
            }
            int before = problems.size();
            String id = question.id();
            if (id == null || id.isBlank()) {
                problems.add(new FieldProblem(path + ".id", "must not be blank"));
            } else if (!SLUG.matcher(id).matches()) {
                problems.add(new FieldProblem(path + ".id",
                        "must be a slug: lower-case letters, digits, '-' or '_', at most 63 characters"));
            } else if (RESERVED_IDS.contains(id)) {
                problems.add(new FieldProblem(path + ".id", "is reserved (" + String.join(", ", RESERVED_IDS.stream().sorted().toList()) + ")"));
            } else if (!ids.add(id)) {
                problems.add(new FieldProblem(path + ".id", "is used by another question of this survey"));
            }
            QuestionKind kind = QuestionKind.fromValue(question.kind()).orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem(path + ".kind", "must be one of " + QuestionKind.allValues()));
            }
            Map<String, String> text = texts(question.text(), languages, path + ".text", true, MAX_TEXT, problems);
            List<ChoiceOption> options = kind == null ? null : options(question.options(), kind, languages, path, problems);
            if (problems.size() == before && id != null && kind != null) {
                questions.add(new Question(id, kind, text, Boolean.TRUE.equals(question.required()), options));
            }
        }
        return questions;
    }

    private static @Nullable List<ChoiceOption> options(@Nullable List<OptionRequest> given, QuestionKind kind,
            List<String> languages, String questionPath, List<FieldProblem> problems) {
        String path = questionPath + ".options";
        if (!kind.choice()) {
            if (given != null && !given.isEmpty()) {
                problems.add(new FieldProblem(path, "only single-choice and multi-choice questions have options"));
            }
            return null;
        }
        if (given == null || given.size() < 2) {
            problems.add(new FieldProblem(path, "must have at least 2 options"));
            return List.of();
        }
        if (given.size() > MAX_OPTIONS) {
            problems.add(new FieldProblem(path, "must have at most " + MAX_OPTIONS + " options"));
            return List.of();
        }
        List<ChoiceOption> options = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int j = 0; j < given.size(); j++) {
            String optionPath = path + "[" + j + "]";
            OptionRequest option = given.get(j);
            if (option == null) {
                problems.add(new FieldProblem(optionPath, "must be an option object"));
                continue;
            }
            String id = option.id();
            if (id == null || !SLUG.matcher(id).matches()) {
                problems.add(new FieldProblem(optionPath + ".id",
                        "must be a slug: lower-case letters, digits, '-' or '_', at most 63 characters"));
            } else if (!ids.add(id)) {
                problems.add(new FieldProblem(optionPath + ".id", "is used by another option of this question"));
            }
            Map<String, String> text = texts(option.text(), languages, optionPath + ".text", true, MAX_OPTION_TEXT, problems);
            options.add(new ChoiceOption(id == null ? "" : id, text));
        }
        return options;
    }

    /** Texts keyed by survey language, in the survey's language order; no other keys. */
    private static Map<String, String> texts(@Nullable Map<String, String> given, List<String> languages, String path,
            boolean everyLanguage, int maxLength, List<FieldProblem> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (given == null) {
            if (everyLanguage) {
                problems.add(new FieldProblem(path, "must give a text for every survey language"));
            }
            return texts;
        }
        for (String key : given.keySet()) {
            if (languages.stream().noneMatch(language -> language.equals(key))) {
                problems.add(new FieldProblem(path + "." + key, "is not one of the survey's languages"));
            }
        }
        for (String language : languages) {
            String text = given.get(language);
            String field = path + "." + language;
            if (text == null) {
                if (everyLanguage || given.containsKey(language)) {
                    problems.add(new FieldProblem(field, everyLanguage ? "is missing" : "must not be null"));
                }
            } else if (text.isBlank()) {
                problems.add(new FieldProblem(field, "must not be blank"));
            } else if (text.length() > maxLength) {
                problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
            } else {
                texts.put(language, text.strip());
            }
        }
        return texts;
    }
}
