package com.waymark.feedback.respondent;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per key in fixed windows: at most {@code limit} per window, then the key waits for
 * the next one. In memory, bounded in the keys it tracks (stale windows go first).
 */
final class FixedWindowLimiter {

    static final int MAX_TRACKED_KEYS = 100_000;

    private record Window(long start, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    FixedWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts one request of {@code key}: 0 when it may go on, else the seconds until the next window. */
    long acquire(String key) {
        long now = clock.millis();
        if (windows.size() > MAX_TRACKED_KEYS) {
            windows.entrySet().removeIf(entry -> now - entry.getValue().start() >= windowMillis);
        }
        Window window = windows.compute(key, (k, current) -> current == null || now - current.start() >= windowMillis
                ? new Window(now, 1) : new Window(current.start(), current.count() + 1));
        if (window.count() <= limit) {
            return 0;
        }
        return Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
    }
}
