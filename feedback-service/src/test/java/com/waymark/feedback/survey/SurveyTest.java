package com.waymark.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.waymark.platform.error.ConflictException;

class SurveyTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final SurveyContent CONTENT = new SurveyContent(List.of("en"),
            List.of(new Question("nps", QuestionKind.NPS, Map.of("en", "Recommend?"), true, null)), Map.of());

    final Survey draft = Survey.create(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            new SurveyDraft("Checkout", null, CONTENT, false), T0);

    @Test
    void publishingTwiceKeepsTheFirstToken() {
        Survey published = draft.publish("token-one-xxxxxxxxxxxxxx", T0.plusSeconds(1));
        Survey again = published.publish("token-two-xxxxxxxxxxxxxx", T0.plusSeconds(2));

        assertThat(published.status()).isEqualTo(SurveyStatus.ACTIVE);
        assertThat(again).isSameAs(published);
        assertThat(again.token()).isEqualTo("token-one-xxxxxxxxxxxxxx");
    }

    @Test
    void aClosedSurveyReopensWithItsToken() {
        Survey closed = draft.publish("token-one-xxxxxxxxxxxxxx", T0).close(T0.plusSeconds(1));
        Survey reopened = closed.publish("token-two-xxxxxxxxxxxxxx", T0.plusSeconds(2));

        assertThat(closed.status()).isEqualTo(SurveyStatus.CLOSED);
        assertThat(closed.acceptsAnswers()).isFalse();
        assertThat(reopened.status()).isEqualTo(SurveyStatus.ACTIVE);
        assertThat(reopened.token()).isEqualTo("token-one-xxxxxxxxxxxxxx");
        assertThat(reopened.publishedAt()).isEqualTo(T0);
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void aDraftCannotBeClosed() {
        assertThatThrownBy(() -> draft.close(T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onceActiveOnlyTheNameAndTextsAroundTheQuestionsChange() {
        Survey active = draft.publish("token-one-xxxxxxxxxxxxxx", T0);
        SurveyContent otherQuestions = new SurveyContent(List.of("en"),
                List.of(new Question("csat", QuestionKind.CSAT, Map.of("en", "Happy?"), true, null)), Map.of());

        Survey renamed = active.edit(new SurveyDraft("Checkout v2", null, CONTENT, true), T0.plusSeconds(1));
        assertThat(renamed.name()).isEqualTo("Checkout v2");
        assertThat(renamed.version()).isEqualTo(active.version() + 1);

        assertThatThrownBy(() -> active.edit(new SurveyDraft("Checkout", null, otherQuestions, false), T0))
                .isInstanceOf(ConflictException.class).hasMessageContaining("draft");
        assertThatThrownBy(() -> active.edit(new SurveyDraft("Checkout", UUID.randomUUID(), CONTENT, false), T0))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> active.edit(new SurveyDraft("Checkout", null, UUID.randomUUID(), CONTENT, false), T0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errors())
                        .extracting(com.waymark.platform.error.FieldProblem::field).containsExactly("journeyId"));
        assertThat(draft.edit(new SurveyDraft("Checkout", null, otherQuestions, false), T0).content()).isEqualTo(otherQuestions);
    }

    @Test
    void anEditThatChangesNothingKeepsTheVersion() {
        assertThat(draft.edit(new SurveyDraft("Checkout", null, CONTENT, false), T0.plusSeconds(5))).isSameAs(draft);
    }
}
