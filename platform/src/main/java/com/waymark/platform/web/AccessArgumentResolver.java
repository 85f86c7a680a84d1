package com.waymark.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.security.CurrentUser;

/** Lets handlers declare {@link CurrentUser}, {@link WorkspaceAccess} or {@link TenantAccess} parameters. */
class AccessArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == CurrentUser.class || type == WorkspaceAccess.class || type == TenantAccess.class;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        Class<?> type = parameter.getParameterType();
        if (type == CurrentUser.class) {
            return CurrentUser.require();
        }
        String attribute = type == WorkspaceAccess.class ? AccessInterceptor.WORKSPACE_ACCESS : AccessInterceptor.TENANT_ACCESS;
        Object access = webRequest.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
        if (access == null) {
            throw new IllegalStateException(type.getSimpleName() + " is only available under a path with its id");
        }
        return access;
    }
}
