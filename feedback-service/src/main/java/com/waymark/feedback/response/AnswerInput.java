package com.waymark.feedback.response;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An answer as given, before it is checked against the survey's questions. */
record AnswerInput(@Nullable String questionId, @Nullable JsonNode value) {
}
