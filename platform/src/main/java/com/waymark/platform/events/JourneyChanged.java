package com.waymark.platform.events;

import java.util.UUID;

/** {@code mapping.journey.changed} v1: created or edited. */
public record JourneyChanged(UUID journeyId, String name, String state) {
}
