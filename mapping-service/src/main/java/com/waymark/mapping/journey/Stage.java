package com.waymark.mapping.journey;

import java.util.UUID;

/** An ordered phase of a journey (Awareness, Purchase, Support, …); positions are 0, 1, 2, … */
record Stage(UUID id, UUID journeyId, String name, int position) {
}
