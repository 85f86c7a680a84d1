package com.waymark.tenant.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/**
 * Filters of the audit listings: an exact {@code action}, and {@code from} (inclusive) / {@code to}
 * (exclusive) as ISO-8601 instants.
 */
record AuditFilter(@Nullable String action, @Nullable Instant from, @Nullable Instant to) {

    static AuditFilter parse(@Nullable String action, @Nullable String from, @Nullable String to) {
        List<FieldProblem> problems = new ArrayList<>();
        String wantedAction = action == null || action.isBlank() ? null : action.trim();
        if (wantedAction != null && !wantedAction.matches("[a-z-]{1,40}\\.[a-z-]{1,40}")) {
            problems.add(new FieldProblem("action", "must be an action such as tenant.suspended"));
        }
        Instant start = instant(from, "from", problems);
        Instant end = instant(to, "to", problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new AuditFilter(wantedAction, start, end);
    }

    private static @Nullable Instant instant(@Nullable String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }
}
