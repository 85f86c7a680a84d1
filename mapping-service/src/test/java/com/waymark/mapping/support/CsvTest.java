package com.waymark.mapping.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plainCellsAreWrittenAsTheyAreAndRowsEndInCrLf() {
        assertThat(new Csv().row(List.of("stage", 1, "x y")).row(List.of("b")).toString()).isEqualTo("stage,1,x y\r\nb\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.cell("Pay, then wait")).isEqualTo("\"Pay, then wait\"");
        assertThat(Csv.cell("The \"buy\" button")).isEqualTo("\"The \"\"buy\"\" button\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void emptyValuesAreEmptyCells() {
        assertThat(new Csv().row(Arrays.asList("a", null, "")).toString()).isEqualTo("a,,\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void numbersStayNumbers() {
        assertThat(Csv.cell(-2)).isEqualTo("-2");
        assertThat(Csv.cell(0)).isEqualTo("0");
    }
}
