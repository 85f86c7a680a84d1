package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ObservedEmotionTest {

    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({ "50,2", "49.9,1", "20,1", "19.9,0", "-19.9,0", "-20,-1", "-49.9,-1", "-50,-2", "-100,-2" })
    void npsWithEnoughAnswersSetsTheEmotion(double nps, int emotion) {
        assertThat(ObservedEmotion.of(json.readTree("{\"nps\":{\"value\":" + nps + ",\"enough\":true}}"))).isEqualTo(emotion);
    }

    @ParameterizedTest
    @CsvSource({ "85,2", "70,1", "50,0", "30,-1", "29.9,-2" })
    void csatDecidesWhenNpsHasTooFewAnswers(double csat, int emotion) {
        assertThat(ObservedEmotion.of(json.readTree("{\"nps\":{\"value\":90,\"enough\":false},\"csat\":{\"value\":" + csat
                + ",\"enough\":true}}"))).isEqualTo(emotion);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "{}", "{\"nps\":{\"value\":null,\"enough\":false}}" })
    void withoutEnoughDataThereIsNoObservedEmotion(String scores) {
        assertThat(ObservedEmotion.of(json.readTree(scores))).isNull();
    }
}
