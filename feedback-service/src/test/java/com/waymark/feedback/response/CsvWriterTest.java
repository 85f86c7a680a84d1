package com.waymark.feedback.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(CsvWriter.cell("Checkout")).isEqualTo("Checkout");
        assertThat(CsvWriter.cell("9")).isEqualTo("9");
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvWriter.cell("Great, fast")).isEqualTo("\"Great, fast\"");
        assertThat(CsvWriter.cell("the \"new\" page")).isEqualTo("\"the \"\"new\"\" page\"");
        assertThat(CsvWriter.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(CsvWriter.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreNeutralised() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void rowsEndWithCrLfAndParseBackToTheSameCells() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.row(Arrays.asList("id", "comment", null, "x"));
        csv.row(Arrays.asList("1", "Great, \"fast\"\nand cheap", null, "y"));

        assertThat(out.toString()).isEqualTo("id,comment,,x\r\n1,\"Great, \"\"fast\"\"\nand cheap\",,y\r\n");
        assertThat(CsvParser.parse(out.toString())).containsExactly(
                Arrays.asList("id", "comment", "", "x"),
                Arrays.asList("1", "Great, \"fast\"\nand cheap", "", "y"));
    }
}
