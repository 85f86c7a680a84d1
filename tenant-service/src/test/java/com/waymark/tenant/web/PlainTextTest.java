package com.waymark.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = { "Acme Corp", "Café Ünïcødé", "北京客户", "مرحبا", "Rocket \uD83D\uDE80 Co", "O'Brien & Sons",
            "Robert'); DROP TABLE tenant;--" })
    void printableTextOfAnyScriptEmojiAndPunctuationIsPlain(String text) {
        assertThat(PlainText.Validator.isPlain(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "NUL\u0000", "line\nbreak", "tab\there", "rtl\u202Eoverride", "zero\u200Bwidth", "joiner\u200D",
            "bom\uFEFF", "lone\uD800", "\uDC00low", "line\u2028separator", "private\uE000use" })
    void controlFormattingSeparatorPrivateUseAndLoneSurrogatesAreNot(String text) {
        assertThat(PlainText.Validator.isPlain(text)).isFalse();
    }
}
