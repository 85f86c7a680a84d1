package com.waymark.feedback.survey;

import java.util.UUID;
import com.waymark.platform.tenancy.TenantContext;

/** Where a public token leads: the one survey (and its tenant and workspace) it may reach. */
public record SurveyLink(String token, UUID tenantId, UUID workspaceId, UUID surveyId) {

    public TenantContext tenantContext() {
        return TenantContext.ofWorkspace(tenantId, workspaceId);
    }
}
