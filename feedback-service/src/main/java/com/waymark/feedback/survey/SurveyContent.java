package com.waymark.feedback.survey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What respondents see: the languages offered (the first is the default), the questions with a
 * text in every language, and the optional thank-you text per language.
 */
public record SurveyContent(List<String> languages, List<Question> questions, Map<String, String> thankYou) {

    public SurveyContent {
        languages = List.copyOf(languages);
        // texts in the survey's language order, however they were stored (jsonb sorts keys)
        List<String> order = languages;
        questions = questions.stream().map(question -> new Question(question.id(), question.kind(),
                Texts.ordered(question.text(), order), question.required(), question.options() == null ? null
                        : question.options().stream().map(option -> new ChoiceOption(option.id(),
                                Texts.ordered(option.text(), order))).toList())).toList();
        thankYou = Texts.ordered(thankYou, order);
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** The survey's own spelling of {@code requested}, compared case-insensitively; empty if not offered. */
    public Optional<String> language(@Nullable String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        return languages.stream().filter(language -> language.equalsIgnoreCase(requested.trim())).findFirst();
    }

    /**
     * The language to show: an offered language the respondent asked for (exactly, or by its primary
     * subtag: {@code de-AT} gets {@code de}), else the first language in their {@code Accept-Language},
     * else the survey's default.
     */
    public String resolveLanguage(@Nullable String requested, @Nullable String acceptLanguage) {
        Optional<String> chosen = match(requested);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() > 0 && !"*".equals(range.getRange())) {
                        chosen = match(range.getRange());
                        if (chosen.isPresent()) {
                            return chosen.get();
                        }
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is no preference
            }
        }
        return defaultLanguage();
    }

    private Optional<String> match(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        Optional<String> exact = language(requested);
        if (exact.isPresent()) {
            return exact;
        }
        String primary = primary(requested);
        return languages.stream().filter(language -> primary(language).equals(primary)).findFirst();
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).trim().toLowerCase(Locale.ROOT);
    }

    /** A text in {@code language}, falling back to the default language. */
    public static @Nullable String in(Map<String, String> texts, String language, String fallbackLanguage) {
        String text = texts.get(language);
        return text != null ? text : texts.get(fallbackLanguage);
    }
}
