package com.waymark.feedback.response;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUID version 7 ids stamped with the submission time rather than the insert time, so responses
 * imported from the past sort among live ones by when they were given.
 */
final class ResponseIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResponseIds() {
    }

    static UUID at(Instant submittedAt) {
        long millis = submittedAt.toEpochMilli();
        long msb = (millis << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 12);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
