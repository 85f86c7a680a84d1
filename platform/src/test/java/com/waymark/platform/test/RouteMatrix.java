package com.waymark.platform.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.access.Role;

/**
 * The role × endpoint matrix, generated from the service's own routes, so an endpoint added later is
 * checked without anyone writing a test for it — and one that falls under no access rule fails.
 * <ul>
 * <li>every {@code /api/**} route: no token → 401;</li>
 * <li>{@code /api/workspaces/{workspaceId}/…}: a member of another agency and a client of a sibling
 * workspace → 404; a viewer writing → 403;</li>
 * <li>{@code /api/tenants/{tenantId}/…}: a client of that agency and another agency's admin → 404;</li>
 * <li>{@code /api/admin/…}: an agency admin → 403;</li>
 * <li>anything else under {@code /api/} must be named in {@code openToEveryUser} (e.g. {@code /api/me}).</li>
 * </ul>
 */
public final class RouteMatrix {

    public record Route(HttpMethod method, String pattern, MediaType contentType, Map<String, String> params) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}");

    private RouteMatrix() {
    }

    /** Returns what breaks the matrix, as readable lines; empty when every route holds. */
    public static List<String> violations(MockMvc mvc, RequestMappingHandlerMapping mapping, AccessModel access,
            Set<String> openToEveryUser) throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace target = tenancy.newWorkspace();
        Tenancy.Workspace sibling = tenancy.workspaceIn(target.tenantId());
        Tenancy.Workspace foreign = tenancy.newWorkspace();
        String viewer = tenancy.member(target, Role.CLIENT_VIEWER);
        String siblingClient = tenancy.member(sibling, Role.CLIENT_ADMIN);
        String foreignAgencyAdmin = tenancy.member(foreign, Role.AGENCY_ADMIN);
        String targetClient = tenancy.member(target, Role.CLIENT_ADMIN);
        String targetAgencyAdmin = tenancy.member(target, Role.AGENCY_ADMIN);

        List<String> violations = new ArrayList<>();
        List<Route> routes = apiRoutes(mapping);
        if (routes.isEmpty()) {
            violations.add("no /api routes found: the matrix would check nothing");
        }
        for (Route route : routes) {
            Map<String, String> ids = Map.of("workspaceId", target.workspaceId().toString(), "tenantId",
                    target.tenantId().toString());
            String path = fill(route.pattern(), ids);
            expect(violations, mvc, route, path, null, 401, "without a token");
            if (route.pattern().startsWith("/api/workspaces/{workspaceId}")) {
                expect(violations, mvc, route, path, TestUsers.as(foreignAgencyAdmin), 404, "as another agency's admin");
                expect(violations, mvc, route, path, TestUsers.as(siblingClient), 404, "as a client of a sibling workspace");
                if (route.method() != HttpMethod.GET && route.method() != HttpMethod.HEAD) {
                    expect(violations, mvc, route, path, TestUsers.as(viewer), 403, "as a viewer");
                }
            } else if (route.pattern().startsWith("/api/tenants/{tenantId}")) {
                expect(violations, mvc, route, path, TestUsers.as(targetClient), 404, "as a client of the agency");
                expect(violations, mvc, route, path, TestUsers.as(foreignAgencyAdmin), 404, "as another agency's admin");
            } else if (route.pattern().startsWith("/api/admin/")) {
                expect(violations, mvc, route, path, TestUsers.as(targetAgencyAdmin), 403, "as an agency admin");
            } else if (!openToEveryUser.contains(route.pattern())) {
                violations.add(route + " falls under no access rule (workspace, tenant, admin) and is not declared open");
            }
        }
        return violations;
    }

    /** Every handler method mapped under {@code /api/}, one entry per pattern and HTTP method. */
    public static List<Route> apiRoutes(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            MediaType contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                    .orElse(MediaType.APPLICATION_JSON);
            Map<String, String> params = new java.util.LinkedHashMap<>();
            for (NameValueExpression<String> param : info.getParamsCondition().getExpressions()) {
                if (!param.isNegated()) {
                    params.put(param.getName(), param.getValue() == null ? UUID.randomUUID().toString() : param.getValue());
                }
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.asHttpMethod(), pattern, contentType, params));
                }
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(route -> route.method().name()));
        return routes;
    }

    private static void expect(List<String> violations, MockMvc mvc, Route route, String path,
            RequestPostProcessor user, int status, String who) throws Exception {
        MockHttpServletRequestBuilder request = request(route.method(), path)
                .contentType(route.contentType()).accept(MediaType.ALL);
        route.params().forEach(request::param);
        if (route.method() != HttpMethod.GET && route.method() != HttpMethod.HEAD && route.method() != HttpMethod.DELETE) {
            request.content(MediaType.APPLICATION_JSON.equals(route.contentType()) ? "{}" : "");
        }
        if (user != null) {
            request.with(user);
        }
        int actual = mvc.perform(request).andReturn().getResponse().getStatus();
        if (actual != status) {
            violations.add(route + " " + who + ": expected " + status + " but got " + actual);
        }
    }

    /** Known ids for the named variables, fresh random ids (unknown anywhere) for the rest. */
    static String fill(String pattern, Map<String, String> ids) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = ids.getOrDefault(matcher.group(1), UUID.randomUUID().toString());
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString().replace("/**", "");
    }
}
