package com.waymark.feedback.response;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas, line
 * breaks and doubled quotes), CRLF or LF line ends, an optional UTF-8 byte order mark.
 */
final class CsvParser {

    private CsvParser() {
    }

    /** The records of {@code text}; a malformed quote fails with the record number (1-based). */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean recordStarted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!field.isEmpty() || afterQuote) {
                        throw new IllegalArgumentException("record " + (records.size() + 1) + ": a quote inside an unquoted field");
                    }
                    quoted = true;
                    recordStarted = true;
                }
                case ',' -> {
                    record.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                    recordStarted = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (recordStarted || !field.isEmpty()) {
                        record.add(field.toString());
                        records.add(record);
                    } else {
                        records.add(List.of());
                    }
                    record = new ArrayList<>();
                    field.setLength(0);
                    afterQuote = false;
                    recordStarted = false;
                }
                default -> {
                    if (afterQuote) {
                        throw new IllegalArgumentException("record " + (records.size() + 1) + ": text after a closing quote");
                    }
                    field.append(c);
                    recordStarted = true;
                }
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("record " + (records.size() + 1) + ": a quoted field is not closed");
        }
        if (recordStarted || !field.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
