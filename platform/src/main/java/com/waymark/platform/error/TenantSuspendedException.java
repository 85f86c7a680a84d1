package com.waymark.platform.error;

import org.springframework.http.HttpStatus;

public class TenantSuspendedException extends ApiException {

    public TenantSuspendedException() {
        super(HttpStatus.FORBIDDEN, ProblemTypes.TENANT_SUSPENDED, "Tenant suspended",
                "This agency is suspended; contact your platform administrator");
    }
}
