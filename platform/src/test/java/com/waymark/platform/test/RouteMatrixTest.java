package com.waymark.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import com.waymark.platform.access.AccessModel;

/**
 * Extend once per service, annotated with that service's shared test context, to run the
 * {@link RouteMatrix} over all its routes.
 */
public abstract class RouteMatrixTest {

    @Autowired
    private MockMvc routeMatrixMvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping routeMatrixMapping;
    @Autowired
    private AccessModel routeMatrixAccess;

    /** Paths under {@code /api/} that any signed-in user may call (none by default). */
    protected Set<String> openToEveryUser() {
        return Set.of();
    }

    @Test
    void everyApiRouteRefusesAnonymousCallersStrangersAndWeakRoles() throws Exception {
        assertThat(RouteMatrix.apiRoutes(routeMatrixMapping)).isNotEmpty();
        assertThat(RouteMatrix.violations(routeMatrixMvc, routeMatrixMapping, routeMatrixAccess, openToEveryUser())).isEmpty();
    }
}
