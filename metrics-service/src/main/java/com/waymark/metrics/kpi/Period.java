package com.waymark.metrics.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.ValidationException;

/**
 * The local days (of the workspace's time zone) a query covers, both inclusive. {@code from}/{@code to}
 * may be ISO dates ({@code 2026-11-23}, a local date) or instants ({@code 2026-11-23T10:00:00Z}, an
 * offset, or UTC when none); an instant selects its whole local day, the granularity of the rollups.
 * Without {@code to} the period ends today (local); without {@code from} it spans {@code defaultDays}
 * days up to {@code to}.
 */
public record Period(LocalDate from, LocalDate to) {

    private record Bound(LocalDate day, Instant instant) {
    }

    /** In UTC. */
    public static Period of(@Nullable String from, @Nullable String to, LocalDate today, int defaultDays) {
        return of(from, to, today, defaultDays, ZoneOffset.UTC);
    }

    /** {@code today} is the local date in {@code zone}. */
    public static Period of(@Nullable String from, @Nullable String to, LocalDate today, int defaultDays, ZoneId zone) {
        Bound start = parse("from", from, zone);
        Bound end = parse("to", to, zone);
        if (start != null && end != null && start.instant().isAfter(end.instant())) {
            throw new ValidationException("from", "must not be after to");
        }
        LocalDate last = end != null ? end.day() : today;
        LocalDate first = start != null ? start.day() : last.minusDays(defaultDays - 1L);
        if (first.isAfter(last)) {
            // only from was given, and it lies in the future
            throw new ValidationException("from", "must not be after to (" + last + ")");
        }
        return new Period(first, last);
    }

    private static @Nullable Bound parse(String field, @Nullable String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return new Bound(day, day.atStartOfDay(zone).toInstant());
            }
            Instant instant = hasOffset(text) ? OffsetDateTime.parse(text).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            return new Bound(LocalDate.ofInstant(instant, zone), instant);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO date (2026-11-23) or instant (2026-11-23T10:00:00Z)");
        }
    }

    private static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        return text.endsWith("Z") || text.endsWith("z")
                || (time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0));
    }
}
