package com.waymark.feedback.survey;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The editable part of a survey, validated. */
record SurveyDraft(String name, @Nullable UUID touchpointId, @Nullable UUID journeyId, SurveyContent content,
        boolean openCaseForDetractors) {

    /** A survey at a touchpoint, or about nothing in particular yet. */
    SurveyDraft(String name, @Nullable UUID touchpointId, SurveyContent content, boolean openCaseForDetractors) {
        this(name, touchpointId, null, content, openCaseForDetractors);
    }
}
