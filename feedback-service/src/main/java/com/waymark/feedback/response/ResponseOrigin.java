package com.waymark.feedback.response;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Where a response came from: what other features may know about it without its answers. */
public record ResponseOrigin(UUID responseId, UUID surveyId, @Nullable UUID touchpointId) {
}
