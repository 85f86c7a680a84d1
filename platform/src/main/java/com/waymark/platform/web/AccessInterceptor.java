package com.waymark.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Permission;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.security.CurrentUser;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;

/**
 * Before any handler under {@code /api/workspaces/{workspaceId}/} or {@code /api/tenants/{tenantId}/}
 * runs, checks the caller's membership (404 when there is none) and sets the tenant context that
 * row-level security relies on. Reads need {@code READ}, writes {@code WRITE}; handlers that need
 * more take a {@link WorkspaceAccess} parameter and check it.
 */
public class AccessInterceptor implements HandlerInterceptor {

    static final String WORKSPACE_ACCESS = AccessInterceptor.class.getName() + ".workspace";
    static final String TENANT_ACCESS = AccessInterceptor.class.getName() + ".tenant";

    private final AccessModel access;

    public AccessInterceptor(AccessModel access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String> variables = uriVariables(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/workspaces/") && variables.containsKey("workspaceId")) {
            UUID workspaceId = parse(variables.get("workspaceId"), "Workspace");
            WorkspaceAccess granted = access.requireWorkspace(CurrentUser.require().userId(), workspaceId,
                    isRead(request) ? Permission.READ : Permission.WRITE);
            request.setAttribute(WORKSPACE_ACCESS, granted);
            TenantContextHolder.set(granted.tenantContext());
        } else if (path.startsWith("/api/tenants/") && variables.containsKey("tenantId")) {
            UUID tenantId = parse(variables.get("tenantId"), "Tenant");
            TenantAccess granted = access.requireTenant(CurrentUser.require().userId(), tenantId, Permission.READ);
            request.setAttribute(TENANT_ACCESS, granted);
            TenantContextHolder.set(TenantContext.ofTenant(tenantId));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        TenantContextHolder.clear();
    }

    private static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> uriVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    /** A malformed id cannot name anything the caller may see: same answer as an unknown one. */
    private static UUID parse(@Nullable String value, String what) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what + " " + value);
        }
    }
}
