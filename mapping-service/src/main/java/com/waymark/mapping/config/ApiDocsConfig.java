package com.waymark.mapping.config;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.security.CurrentUser;

/**
 * The caller's access ({@link WorkspaceAccess}, {@link TenantAccess}, {@link CurrentUser}) is resolved
 * by the platform from the token and the path, not sent by clients: keep it out of the OpenAPI
 * parameters (springdoc would otherwise list it as a required query parameter).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WorkspaceAccess.class, TenantAccess.class, CurrentUser.class);
    }
}
