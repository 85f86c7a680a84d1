package com.waymark.feedback.respondent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import com.waymark.feedback.survey.ChoiceOption;
import com.waymark.feedback.survey.Question;
import com.waymark.feedback.survey.QuestionKind;
import com.waymark.feedback.survey.SurveyContent;

class SurveyPageTest {

    static final SurveyContent CONTENT = new SurveyContent(List.of("en", "de"), List.of(
            new Question("nps", QuestionKind.NPS, Map.of("en", "Recommend <b>us</b>?", "de", "Empfehlen?"), true, null),
            new Question("csat", QuestionKind.CSAT, Map.of("en", "Happy?", "de", "Zufrieden?"), false, null),
            new Question("ces", QuestionKind.CES, Map.of("en", "Easy?", "de", "Einfach?"), false, null),
            new Question("why", QuestionKind.TEXT, Map.of("en", "Why?", "de", "Warum?"), false, null),
            new Question("pick", QuestionKind.MULTI_CHOICE, Map.of("en", "Pick", "de", "Wähle"), false, List.of(
                    new ChoiceOption("a", Map.of("en", "\"A\" & 'B'", "de", "A")),
                    new ChoiceOption("b", Map.of("en", "B", "de", "B"))))),
            Map.of("en", "Thanks <3"));

    @Test
    void surveyTextsAreEscaped() {
        String html = SurveyPage.render(PublicSurveyView.of("tok_tok_tok_tok_tok_tok", "<script>alert(1)</script>", CONTENT, "en"), "n0nce");

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("Recommend &lt;b&gt;us&lt;/b&gt;?").contains("&quot;A&quot; &amp; &#39;B&#39;")
                .contains("Thanks &lt;3");
    }

    @Test
    void scalesOfferEveryPointAsARadioWithAnchors() {
        String html = SurveyPage.render(PublicSurveyView.of("tok_tok_tok_tok_tok_tok", "S", CONTENT, "en"), "n0nce");

        for (int value = 0; value <= 10; value++) {
            assertThat(html).contains("name=\"q-nps\" value=\"" + value + "\"");
        }
        assertThat(html).doesNotContain("name=\"q-csat\" value=\"0\"").contains("name=\"q-csat\" value=\"5\"")
                .doesNotContain("name=\"q-csat\" value=\"6\"");
        assertThat(html).contains("name=\"q-ces\" value=\"7\"").doesNotContain("name=\"q-ces\" value=\"8\"");
        assertThat(html).contains("0 = Not at all likely").contains("10 = Extremely likely");
        assertThat(html).contains("<textarea").contains("maxlength=\"5000\"").contains("type=\"checkbox\"");
    }

    @Test
    void inlineStyleAndScriptCarryTheNonceOfThePolicy() {
        String html = SurveyPage.render(PublicSurveyView.of("tok_tok_tok_tok_tok_tok", "S", CONTENT, "de"), "abc123");

        assertThat(html).contains("<style nonce=\"abc123\">").contains("<script nonce=\"abc123\">")
                .contains("<html lang=\"de\">").contains("Absenden").contains("Empfehlen?");
        assertThat(SurveyPage.contentSecurityPolicy("abc123")).contains("default-src 'none'")
                .contains("script-src 'nonce-abc123'").contains("style-src 'nonce-abc123'").contains("connect-src 'self'")
                .doesNotContain("unsafe-inline");
    }
}
