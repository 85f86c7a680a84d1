package com.waymark.feedback.survey;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What other features may ask about surveys. */
@Component
public class Surveys {

    private final SurveyRepository repository;

    Surveys(SurveyRepository repository) {
        this.repository = repository;
    }

    /** A survey of the workspace, read under the current tenant context. */
    public Optional<Survey> find(UUID workspaceId, UUID surveyId) {
        return repository.find(workspaceId, surveyId);
    }

    /** Where a public token leads; needs no tenant context (it is how an anonymous request gets one). */
    public Optional<SurveyLink> link(String token) {
        return repository.findLink(token);
    }
}
