package com.waymark.platform.events;

import java.util.UUID;

/** {@code mapping.journey.deleted} v1: with its stages and touchpoints. */
public record JourneyDeleted(UUID journeyId) {
}
