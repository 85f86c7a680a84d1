package com.waymark.feedback.respondent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FixedWindowLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeyMayMakeItsLimitPerWindowThenWaitsForTheNextWindow() {
        ManualClock clock = new ManualClock();
        FixedWindowLimiter limiter = new FixedWindowLimiter(3, Duration.ofMinutes(1), clock);

        assertThat(limiter.acquire("a")).isZero();
        clock.now = clock.now.plusSeconds(20);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).as("seconds until the window that began 20 s ago ends").isEqualTo(40);

        clock.now = clock.now.plusSeconds(40);
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void keysAreCountedApart() {
        FixedWindowLimiter limiter = new FixedWindowLimiter(1, Duration.ofMinutes(1), new ManualClock());

        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isPositive();
        assertThat(limiter.acquire("b")).isZero();
    }
}
