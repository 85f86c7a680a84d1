package com.waymark.feedback.respondent;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import com.waymark.feedback.branding.PublicBranding;
import com.waymark.feedback.survey.ChoiceOption;
import com.waymark.feedback.survey.Question;
import com.waymark.feedback.survey.SurveyContent;

/**
 * A survey as a respondent sees it, in one language. It carries the token and nothing else that
 * identifies anything: no tenant, workspace, survey or touchpoint ids.
 */
@Schema(name = "PublicSurvey")
record PublicSurveyView(String token, String name, String lang, List<String> languages, List<PublicQuestion> questions,
        String thankYou,
        @Schema(description = "the workspace's logo, colours and sender name; absent when none are set")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PublicBranding branding) {

    /** The same view with the workspace's branding (none when nothing is set). */
    PublicSurveyView branded(PublicBranding look) {
        return new PublicSurveyView(token, name, lang, languages, questions, thankYou, look.isEmpty() ? null : look);
    }

    @Schema(name = "PublicQuestion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicQuestion(String id, String kind, String text, boolean required, @Nullable List<PublicOption> options,
            @Schema(description = "nps, csat and ces: the integer range of answers") @Nullable Scale scale) {
    }

    @Schema(name = "PublicOption")
    record PublicOption(String id, String text) {
    }

    @Schema(name = "Scale")
    record Scale(int min, int max) {
    }

    static PublicSurveyView of(String token, String name, SurveyContent content, String lang) {
        String fallback = content.defaultLanguage();
        List<PublicQuestion> questions = content.questions().stream().map(question -> question(question, lang, fallback)).toList();
        String thankYou = SurveyContent.in(content.thankYou(), lang, fallback);
        return new PublicSurveyView(token, name, lang, content.languages(), questions,
                thankYou != null ? thankYou : PageTexts.of(lang).thankYou(), null);
    }

    private static PublicQuestion question(Question question, String lang, String fallback) {
        List<PublicOption> options = question.kind().choice()
                ? question.choices().stream().map(option -> option(option, lang, fallback)).toList()
                : null;
        Scale scale = question.kind().scored() ? new Scale(question.kind().min(), question.kind().max()) : null;
        return new PublicQuestion(question.id(), question.kind().value(), text(question.text(), lang, fallback),
                question.required(), options, scale);
    }

    private static PublicOption option(ChoiceOption option, String lang, String fallback) {
        return new PublicOption(option.id(), text(option.text(), lang, fallback));
    }

    private static String text(java.util.Map<String, String> texts, String lang, String fallback) {
        String text = SurveyContent.in(texts, lang, fallback);
        return text == null ? "" : text;
    }
}
