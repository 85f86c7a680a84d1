package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapCsvTest {

    @Test
    void theFileIsNamedAfterTheJourneyInPlainLetters() {
        assertThat(MapCsv.fileName("Buy online, return in store")).isEqualTo("buy-online-return-in-store.csv");
        assertThat(MapCsv.fileName("Café crème / Über")).isEqualTo("cafe-creme-uber.csv");
        assertThat(MapCsv.fileName("\"; rm -rf /")).isEqualTo("rm-rf.csv");
        assertThat(MapCsv.fileName("日本")).isEqualTo("journey.csv");
        assertThat(MapCsv.fileName("x".repeat(300))).hasSize(84);
    }
}
