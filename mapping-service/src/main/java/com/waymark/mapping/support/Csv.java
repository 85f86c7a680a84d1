package com.waymark.mapping.support;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV: CRLF line ends; a cell with a comma, quote or line break is quoted, quotes doubled.
 * A text cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return first) gets a leading apostrophe, so an exported map cannot run anything
 * (OWASP "CSV injection"); numbers are written as they are.
 */
public final class Csv {

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    private final StringBuilder out = new StringBuilder();

    public Csv row(List<? extends @Nullable Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return NEEDS_QUOTES.matcher(text).find() ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
