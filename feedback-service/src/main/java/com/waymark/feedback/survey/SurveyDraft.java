package com.waymark.feedback.survey;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The editable part of a survey, validated. */
record SurveyDraft(String name, @Nullable UUID touchpointId, SurveyContent content, boolean openCaseForDetractors) {
}
