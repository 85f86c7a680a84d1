package com.waymark.feedback.respondent;

import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.SurveyLink;

/** A survey reached through its public token that is taking answers. */
record OpenSurvey(SurveyLink link, Survey survey) {
}
