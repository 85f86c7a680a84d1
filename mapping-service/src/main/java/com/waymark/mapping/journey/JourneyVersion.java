package com.waymark.mapping.journey;

import java.time.Instant;

/** A labelled snapshot of a map; numbers run 1, 2, … per journey. */
record JourneyVersion(int number, String label, Instant createdAt, String createdBy) {
}
