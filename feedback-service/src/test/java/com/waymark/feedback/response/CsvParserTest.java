package com.waymark.feedback.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void splitsRecordsAndFields() {
        assertThat(CsvParser.parse("a,b,c\n1,2,3\n")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
    }

    @Test
    void acceptsCrLfAndAMissingFinalLineBreak() {
        assertThat(CsvParser.parse("a,b\r\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        assertThat(CsvParser.parse("id,comment\n1,\"Fast, \"\"friendly\"\"\nand cheap\"\n"))
                .containsExactly(List.of("id", "comment"), List.of("1", "Fast, \"friendly\"\nand cheap"));
    }

    @Test
    void keepsEmptyFieldsAndMarksBlankLines() {
        assertThat(CsvParser.parse("a,b,c\n,,\n\n1,,3\n"))
                .containsExactly(List.of("a", "b", "c"), List.of("", "", ""), List.of(), List.of("1", "", "3"));
        assertThat(CsvParser.parse("\"\"\n")).containsExactly(List.of(""));
    }

    @Test
    void dropsAByteOrderMark() {
        assertThat(CsvParser.parse("\uFEFFsubmissionId,nps\n")).containsExactly(List.of("submissionId", "nps"));
    }

    @Test
    void malformedQuotesFailWithTheRecordNumber() {
        assertThatThrownBy(() -> CsvParser.parse("a\n\"open")).hasMessageContaining("record 2");
        assertThatThrownBy(() -> CsvParser.parse("a\nx\"y\n")).hasMessageContaining("record 2");
        assertThatThrownBy(() -> CsvParser.parse("\"a\"b\n")).hasMessageContaining("record 1");
    }
}
