package com.waymark.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyContentTest {

    final SurveyContent content = new SurveyContent(List.of("en", "de", "pt-BR"),
            List.of(new Question("nps", QuestionKind.NPS, Map.of("en", "?", "de", "?", "pt-BR", "?"), true, null)),
            Map.of());

    @Test
    void anExplicitLanguageWinsOverTheHeader() {
        assertThat(content.resolveLanguage("de", "pt-BR,en;q=0.5")).isEqualTo("de");
    }

    @Test
    void languagesMatchCaseInsensitivelyAndByPrimarySubtag() {
        assertThat(content.resolveLanguage("DE", null)).isEqualTo("de");
        assertThat(content.resolveLanguage("de-AT", null)).isEqualTo("de");
        assertThat(content.resolveLanguage("pt", null)).isEqualTo("pt-BR");
        assertThat(content.resolveLanguage("pt-br", null)).isEqualTo("pt-BR");
    }

    @Test
    void acceptLanguageIsFollowedByPreference() {
        assertThat(content.resolveLanguage(null, "fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7")).isEqualTo("de");
        assertThat(content.resolveLanguage("xx", "de-CH")).isEqualTo("de");
    }

    @Test
    void withoutAMatchTheFirstLanguageIsUsed() {
        assertThat(content.resolveLanguage(null, null)).isEqualTo("en");
        assertThat(content.resolveLanguage("fr", "ja,*;q=0.1")).isEqualTo("en");
        assertThat(content.resolveLanguage(null, ";;;not a header")).isEqualTo("en");
    }

    @Test
    void aTextFallsBackToTheDefaultLanguage() {
        assertThat(SurveyContent.in(Map.of("en", "Thanks"), "de", "en")).isEqualTo("Thanks");
        assertThat(SurveyContent.in(Map.of("en", "Thanks", "de", "Danke"), "de", "en")).isEqualTo("Danke");
        assertThat(SurveyContent.in(Map.of(), "de", "en")).isNull();
    }
}
