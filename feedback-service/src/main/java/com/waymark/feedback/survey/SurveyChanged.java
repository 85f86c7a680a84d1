package com.waymark.feedback.survey;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published in-process when a survey is edited, published, closed or deleted, inside that transaction;
 * lets what respondents reach through the token (cached by the public API) be refreshed after the commit.
 */
public record SurveyChanged(UUID workspaceId, UUID surveyId, @Nullable String token) {
}
