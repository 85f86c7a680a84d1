package com.waymark.feedback.response;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Which responses a list shows; {@code from} inclusive, {@code to} exclusive, by submission time. */
record ResponseFilter(@Nullable UUID surveyId, @Nullable UUID touchpointId, @Nullable Instant from, @Nullable Instant to) {
}
