package com.waymark.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import com.waymark.tenant.support.TenantServiceTest;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.test.RouteMatrix;

/** The role × endpoint matrix over every route of this service (see {@link RouteMatrix}). */
@TenantServiceTest
class RouteMatrixIT {

    @Autowired
    MockMvc routeMvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    AccessModel accessModel;

    @Test
    void everyApiRouteRefusesStrangersWeakRolesAndAnonymousCallers() throws Exception {
        assertThat(RouteMatrix.apiRoutes(mapping)).isNotEmpty();
        assertThat(RouteMatrix.violations(routeMvc, mapping, accessModel, Set.of("/api/me"))).isEmpty();
    }
}
