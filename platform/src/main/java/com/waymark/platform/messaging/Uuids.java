package com.waymark.platform.messaging;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): time-ordered, so ids sort by creation and index well. Ids made in the
 * same millisecond by this process stay in creation order (a counter in the 12 "rand_a" bits), which
 * keeps outbox events of one transaction in the order they were appended.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static int counter;

    private Uuids() {
    }

    public static UUID timeOrdered() {
        long millis;
        int sequence;
        synchronized (Uuids.class) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = RANDOM.nextInt(1 << 10); // random start, leaving room to count up
            } else if (++counter >= (1 << 12)) {
                lastMillis++; // more than the counter holds in one millisecond: borrow the next one
                counter = 0;
            }
            millis = lastMillis;
            sequence = counter;
        }
        long msb = (millis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
