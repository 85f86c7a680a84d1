package com.waymark.feedback.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.feedback.survey.ChoiceOption;
import com.waymark.feedback.survey.Question;
import com.waymark.feedback.survey.QuestionKind;
import com.waymark.feedback.survey.SurveyContent;
import com.waymark.platform.error.FieldProblem;

class AnswerRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, String> TEXT = Map.of("en", "?");
    static final List<ChoiceOption> OPTIONS = List.of(new ChoiceOption("a", TEXT), new ChoiceOption("b", TEXT),
            new ChoiceOption("c", TEXT));
    static final SurveyContent SURVEY = new SurveyContent(List.of("en"), List.of(
            new Question("nps", QuestionKind.NPS, TEXT, true, null),
            new Question("csat", QuestionKind.CSAT, TEXT, false, null),
            new Question("ces", QuestionKind.CES, TEXT, false, null),
            new Question("comment", QuestionKind.TEXT, TEXT, false, null),
            new Question("reason", QuestionKind.SINGLE_CHOICE, TEXT, false, OPTIONS),
            new Question("topics", QuestionKind.MULTI_CHOICE, TEXT, false, OPTIONS)), Map.of());

    static AnswerInput answer(String questionId, String valueJson) {
        return new AnswerInput(questionId, JSON.readTree(valueJson));
    }

    static List<FieldProblem> problems(AnswerInput... answers) {
        List<FieldProblem> problems = new ArrayList<>();
        AnswerRules.check(SURVEY, Arrays.asList(answers), AnswerRules.JSON, problems);
        return problems;
    }

    @Test
    void validAnswersAreStoredForEveryQuestionInSurveyOrderWithScoresForScoredKinds() {
        List<FieldProblem> problems = new ArrayList<>();
        List<StoredAnswer> stored = AnswerRules.check(SURVEY, List.of(answer("topics", "[\"c\",\"a\"]"),
                answer("nps", "9"), answer("comment", "\"  great  \""), answer("reason", "\"b\""), answer("ces", "7")),
                AnswerRules.JSON, problems);

        assertThat(problems).isEmpty();
        assertThat(stored).extracting(StoredAnswer::questionId).containsExactly("nps", "csat", "ces", "comment", "reason", "topics");
        assertThat(stored).extracting(StoredAnswer::score).containsExactly(9, null, 7, null, null, null);
        assertThat(stored.get(1).skipped()).isTrue();
        assertThat(stored.get(3).value().stringValue()).isEqualTo("great");
        assertThat(stored.get(5).value().toString()).isEqualTo("[\"c\",\"a\"]");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected")
    @CsvSource(delimiter = '|', value = {
            "nps|11", "nps|-1", "nps|7.5", "nps|\"7\"", "nps|true",
            "csat|0", "csat|6", "ces|0", "ces|8",
            "comment|42", "reason|\"zzz\"", "reason|[\"a\"]", "topics|\"a\"", "topics|[\"a\",\"zzz\"]", "topics|[\"a\",\"a\"]" })
    void valuesThatDoNotFitTheKindAreRejectedAtTheirPath(String questionId, String value) {
        boolean nps = questionId.equals("nps");
        List<FieldProblem> problems = nps ? problems(answer("nps", value)) : problems(answer("nps", "5"), answer(questionId, value));

        String expected = nps ? "answers[0].value" : "answers[1].value";
        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.field()).startsWith(expected));
    }

    @Test
    void scaleBoundsAreAccepted() {
        assertThat(problems(answer("nps", "0"), answer("csat", "1"), answer("ces", "1"))).isEmpty();
        assertThat(problems(answer("nps", "10"), answer("csat", "5"), answer("ces", "7"))).isEmpty();
    }

    @Test
    void textIsLimitedTo5000Characters() {
        assertThat(problems(answer("nps", "5"), new AnswerInput("comment", JSON.getNodeFactory().stringNode("x".repeat(5000)))))
                .isEmpty();
        assertThat(problems(answer("nps", "5"), new AnswerInput("comment", JSON.getNodeFactory().stringNode("x".repeat(5001)))))
                .extracting(FieldProblem::field).containsExactly("answers[1].value");
    }

    @Test
    void aRequiredQuestionMustBeAnswered() {
        assertThat(problems(answer("csat", "4"))).containsExactly(new FieldProblem("answers", "question 'nps' is required"));
        assertThat(problems(answer("nps", "null"))).containsExactly(new FieldProblem("answers[0].value", "is required"));
    }

    @Test
    void unknownAndRepeatedQuestionsAreNamedByTheirIndex() {
        assertThat(problems(answer("nps", "5"), answer("price", "3"), answer("nps", "6")))
                .extracting(FieldProblem::field).containsExactly("answers[1].questionId", "answers[2].questionId");
        assertThat(problems(answer("nps", "5"), new AnswerInput(null, null), null))
                .extracting(FieldProblem::field).containsExactly("answers[1].questionId", "answers[2]");
    }

    @Test
    void emptyTextsAndChoiceListsCountAsSkipped() {
        List<FieldProblem> problems = new ArrayList<>();
        List<StoredAnswer> stored = AnswerRules.check(SURVEY,
                List.of(answer("nps", "3"), answer("comment", "\"   \""), answer("topics", "[]")), AnswerRules.JSON, problems);

        assertThat(problems).isEmpty();
        assertThat(stored.get(3).skipped()).isTrue();
        assertThat(stored.get(5).skipped()).isTrue();
        JsonNode nps = stored.get(0).value();
        assertThat(nps.intValue()).isEqualTo(3);
    }
}
