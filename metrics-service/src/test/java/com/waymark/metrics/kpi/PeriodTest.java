package com.waymark.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import com.waymark.platform.error.ValidationException;

class PeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void withoutBoundsThePeriodIsTheLastNinetyDaysIncludingToday() {
        assertThat(Period.of(null, null, TODAY, 90)).isEqualTo(new Period(LocalDate.of(2026, 8, 26), TODAY));
    }

    @Test
    void datesAndInstantsSelectWholeUtcDays() {
        assertThat(Period.of("2026-11-01", "2026-11-10", TODAY, 90))
                .isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10)));
        assertThat(Period.of("2026-11-01T23:30:00Z", "2026-11-10T01:00:00+02:00", TODAY, 90))
                .isEqualTo(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 9)));
        assertThat(Period.of("2026-11-01T10:00:00", "", TODAY, 90))
                .isEqualTo(new Period(LocalDate.of(2026, 11, 1), TODAY));
    }

    @Test
    void onlyToGivesTheDefaultSpanEndingThere() {
        assertThat(Period.of(null, "2026-01-31", TODAY, 31))
                .isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    }

    @Test
    void fromAfterToIsRejectedNamingFrom() {
        ValidationException dates = catchThrowableOfType(ValidationException.class,
                () -> Period.of("2026-11-10", "2026-11-01", TODAY, 90));
        ValidationException sameDay = catchThrowableOfType(ValidationException.class,
                () -> Period.of("2026-11-10T12:00:00Z", "2026-11-10T11:00:00Z", TODAY, 90));
        ValidationException future = catchThrowableOfType(ValidationException.class,
                () -> Period.of("2026-12-01", null, TODAY, 90));

        assertThat(dates.errors()).extracting("field").containsExactly("from");
        assertThat(sameDay.errors()).extracting("field").containsExactly("from");
        assertThat(future.errors()).extracting("field").containsExactly("from");
    }

    @Test
    void somethingThatIsNoDateIsRejectedNamingTheField() {
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> Period.of("2026-11-01", "yesterday", TODAY, 90));

        assertThat(error.errors()).extracting("field").containsExactly("to");
    }
}
