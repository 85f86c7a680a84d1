package com.waymark.feedback.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import com.waymark.feedback.response.ResponseReceived.Score;
import com.waymark.feedback.survey.QuestionKind;

class DetractorRuleTest {

    @Test
    void npsUpToSixAndCsatUpToTwoAreDetractors() {
        assertThat(DetractorRule.isDetractor(new Score("nps", QuestionKind.NPS, 6))).isTrue();
        assertThat(DetractorRule.isDetractor(new Score("nps", QuestionKind.NPS, 0))).isTrue();
        assertThat(DetractorRule.isDetractor(new Score("nps", QuestionKind.NPS, 7))).isFalse();
        assertThat(DetractorRule.isDetractor(new Score("csat", QuestionKind.CSAT, 2))).isTrue();
        assertThat(DetractorRule.isDetractor(new Score("csat", QuestionKind.CSAT, 3))).isFalse();
        assertThat(DetractorRule.isDetractor(new Score("ces", QuestionKind.CES, 1))).isFalse();
    }

    @Test
    void theFirstDetractorAnswerInQuestionOrderNamesTheCase() {
        List<Score> scores = List.of(new Score("nps", QuestionKind.NPS, 9), new Score("csat", QuestionKind.CSAT, 1),
                new Score("nps2", QuestionKind.NPS, 2));
        Score first = DetractorRule.firstDetractor(scores).orElseThrow();
        assertThat(first.questionId()).isEqualTo("csat");
        assertThat(DetractorRule.title(first, "Returns")).isEqualTo("Detractor: CSAT 1 on \u201cReturns\u201d");
        assertThat(DetractorRule.title(first, "x".repeat(300))).hasSize(CaseRules.MAX_TITLE);
        assertThat(DetractorRule.firstDetractor(List.of(new Score("nps", QuestionKind.NPS, 10)))).isEmpty();
    }
}
