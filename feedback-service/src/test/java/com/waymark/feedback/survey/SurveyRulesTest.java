package com.waymark.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import com.waymark.feedback.survey.SurveyRequest.OptionRequest;
import com.waymark.feedback.survey.SurveyRequest.QuestionRequest;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

class SurveyRulesTest {

    static Map<String, String> texts(String... pairs) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            texts.put(pairs[i], pairs[i + 1]);
        }
        return texts;
    }

    static QuestionRequest nps(String id) {
        return new QuestionRequest(id, "nps", texts("en", "Recommend?", "de", "Empfehlen?"), true, null);
    }

    static SurveyRequest survey(List<QuestionRequest> questions) {
        return new SurveyRequest("Checkout", null, List.of("en", "de"), questions, texts("en", "Thanks", "de", "Danke"), null);
    }

    static List<FieldProblem> problemsOf(SurveyRequest request) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> SurveyRules.validate(request));
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.errors();
    }

    static List<String> fieldsOf(SurveyRequest request) {
        return problemsOf(request).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aWellFormedSurveyBecomesADraftWithTextsInLanguageOrder() {
        QuestionRequest choice = new QuestionRequest("reason", "single-choice", texts("de", "Warum?", "en", "Why?"), null,
                List.of(new OptionRequest("price", texts("en", "Price", "de", "Preis")),
                        new OptionRequest("speed", texts("en", "Speed", "de", "Tempo"))));

        SurveyDraft draft = SurveyRules.validate(survey(List.of(nps("nps"), choice)));

        assertThat(draft.name()).isEqualTo("Checkout");
        assertThat(draft.content().questions()).extracting(Question::id).containsExactly("nps", "reason");
        assertThat(draft.content().questions().get(1).text().keySet()).containsExactly("en", "de");
        assertThat(draft.content().questions().get(1).required()).isFalse();
        assertThat(draft.content().questions().get(1).choices()).extracting(ChoiceOption::id).containsExactly("price", "speed");
        assertThat(draft.openCaseForDetractors()).isFalse();
    }

    @Test
    void aSurveyAsksAboutATouchpointOrAJourneyNotBoth() {
        java.util.UUID touchpoint = java.util.UUID.randomUUID();
        java.util.UUID journey = java.util.UUID.randomUUID();
        SurveyRequest base = survey(List.of(nps("nps")));
        SurveyRequest both = new SurveyRequest(base.name(), touchpoint, base.languages(), base.questions(), base.thankYou(),
                null, journey);

        assertThat(fieldsOf(both)).containsExactly("touchpointId", "journeyId");
        SurveyDraft journeyLevel = SurveyRules.validate(new SurveyRequest(base.name(), null, base.languages(),
                base.questions(), base.thankYou(), null, journey));
        assertThat(journeyLevel.journeyId()).isEqualTo(journey);
        assertThat(journeyLevel.touchpointId()).isNull();
    }

    @Test
    void nameLanguagesAndQuestionsAreRequired() {
        assertThat(fieldsOf(new SurveyRequest(" ", null, null, null, null, null)))
                .containsExactly("name", "languages", "questions");
        assertThat(fieldsOf(new SurveyRequest("x".repeat(201), null, List.of(), List.of(), null, null)))
                .containsExactly("name", "languages", "questions");
    }

    @Test
    void languagesMustBeCodesListedOnce() {
        SurveyRequest request = new SurveyRequest("S", null, java.util.Arrays.asList("en", "english!", "EN", null, "pt-BR"),
                List.of(new QuestionRequest("q", "text", texts("en", "a", "pt-BR", "b"), false, null)), null, null);

        assertThat(fieldsOf(request)).containsExactly("languages[1]", "languages[2]", "languages[3]");
    }

    @Test
    void aQuestionNeedsAValidSlugIdUniqueInTheSurveyAndNotReserved() {
        List<FieldProblem> problems = problemsOf(survey(List.of(nps("nps"), nps("nps"), nps("Bad Id"), nps("lang"),
                new QuestionRequest(null, "nps", texts("en", "a", "de", "b"), true, null))));

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("questions[1].id", "questions[2].id", "questions[3].id", "questions[4].id");
        assertThat(problems.get(0).message()).contains("another question");
        assertThat(problems.get(2).message()).contains("reserved");
    }

    @Test
    void anUnknownKindIsNamedByItsPath() {
        List<FieldProblem> problems = problemsOf(survey(List.of(nps("nps"),
                new QuestionRequest("q2", "stars", texts("en", "a", "de", "b"), true, null))));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("questions[1].kind");
        assertThat(problems.get(0).message()).contains("nps, csat, ces, text, single-choice, multi-choice");
    }

    @Test
    void everySurveyLanguageNeedsAQuestionTextAndNoOtherLanguageIsAccepted() {
        SurveyRequest request = survey(List.of(
                new QuestionRequest("a", "csat", texts("en", "Happy?"), true, null),
                new QuestionRequest("b", "ces", texts("en", "Easy?", "de", "  "), true, null),
                new QuestionRequest("c", "text", texts("en", "Why?", "de", "Warum?", "fr", "Pourquoi?"), true, null),
                new QuestionRequest("d", "text", null, true, null)));

        assertThat(fieldsOf(request)).containsExactly("questions[0].text.de", "questions[1].text.de",
                "questions[2].text.fr", "questions[3].text");
    }

    @Test
    void choiceQuestionsNeedAtLeastTwoOptionsWithUniqueIdsAndAllTexts() {
        SurveyRequest request = survey(List.of(
                new QuestionRequest("one", "single-choice", texts("en", "a", "de", "b"), true,
                        List.of(new OptionRequest("x", texts("en", "X", "de", "X")))),
                new QuestionRequest("two", "multi-choice", texts("en", "a", "de", "b"), true,
                        List.of(new OptionRequest("x", texts("en", "X", "de", "X")), new OptionRequest("x", texts("en", "Y")))),
                new QuestionRequest("three", "multi-choice", texts("en", "a", "de", "b"), true, null)));

        assertThat(fieldsOf(request)).containsExactly("questions[0].options", "questions[1].options[1].id",
                "questions[1].options[1].text.de", "questions[2].options");
    }

    @Test
    void onlyChoiceQuestionsHaveOptions() {
        SurveyRequest request = survey(List.of(new QuestionRequest("nps", "nps", texts("en", "a", "de", "b"), true,
                List.of(new OptionRequest("x", texts("en", "X", "de", "X")), new OptionRequest("y", texts("en", "Y", "de", "Y"))))));

        assertThat(fieldsOf(request)).containsExactly("questions[0].options");
    }

    @Test
    void thankYouTextsAreOptionalButOnlyInSurveyLanguages() {
        SurveyRequest noThanks = new SurveyRequest("S", null, List.of("en"), List.of(
                new QuestionRequest("q", "nps", texts("en", "a"), true, null)), null, true);
        assertThat(SurveyRules.validate(noThanks).content().thankYou()).isEmpty();
        assertThat(SurveyRules.validate(noThanks).openCaseForDetractors()).isTrue();

        SurveyRequest foreignThanks = new SurveyRequest("S", null, List.of("en"), List.of(
                new QuestionRequest("q", "nps", texts("en", "a"), true, null)), texts("en", "", "fr", "Merci"), null);
        assertThat(fieldsOf(foreignThanks)).containsExactlyInAnyOrder("thankYou.fr", "thankYou.en");
    }

    @Test
    void aNullQuestionIsNamedByItsIndex() {
        assertThat(fieldsOf(survey(java.util.Arrays.asList(nps("a"), null)))).containsExactly("questions[1]");
    }
}
