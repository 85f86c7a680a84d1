package com.waymark.feedback.respondent;

import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import com.waymark.feedback.survey.Survey;
import com.waymark.feedback.survey.SurveyLink;
import com.waymark.feedback.survey.SurveyStatus;
import com.waymark.feedback.survey.Surveys;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.error.GoneException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.TenantSuspendedException;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * How an anonymous request reaches a survey: the token leads (through the link table, which needs
 * no tenant context) to exactly one survey; everything after that runs under that survey's tenant
 * context, so row-level security confines the request to its workspace.
 */
@Component
class PublicSurveys {

    /** Tokens are URL-safe base64; anything else cannot be one, so it is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final Surveys surveys;
    private final AccessModel access;

    PublicSurveys(Surveys surveys, AccessModel access) {
        this.surveys = surveys;
        this.access = access;
    }

    /** 404 for an unknown token, 403 {@code tenant-suspended}, 410 when the survey is closed. */
    OpenSurvey open(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        SurveyLink link = surveys.link(token).orElseThrow(PublicSurveys::notFound);
        if (AccessModel.SUSPENDED.equals(access.tenantStatus(link.tenantId()).orElse(AccessModel.ACTIVE))) {
            throw new TenantSuspendedException();
        }
        Survey survey = as(link, () -> surveys.find(link.workspaceId(), link.surveyId())).orElseThrow(PublicSurveys::notFound);
        if (survey.status() == SurveyStatus.CLOSED) {
            throw new GoneException("This survey is closed and no longer takes answers");
        }
        if (!survey.acceptsAnswers()) {
            throw notFound();
        }
        return new OpenSurvey(link, survey);
    }

    /** Runs {@code work} under the tenant context of the survey the link leads to. */
    static <T> T as(SurveyLink link, Supplier<T> work) {
        return TenantContextHolder.callAs(link.tenantContext(), work);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Survey");
    }
}
