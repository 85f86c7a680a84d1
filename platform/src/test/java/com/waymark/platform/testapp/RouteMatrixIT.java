package com.waymark.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.test.RouteMatrix;

@ProbeTest
class RouteMatrixIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    AccessModel access;

    @Test
    void everyApiRouteOfTheProbeServiceHoldsTheRoleMatrix() throws Exception {
        assertThat(RouteMatrix.apiRoutes(mapping)).extracting(Object::toString)
                .contains("GET /api/workspaces/{workspaceId}/notes", "POST /api/workspaces/{workspaceId}/notes");
        assertThat(RouteMatrix.violations(mvc, mapping, access, Set.of())).isEmpty();
    }
}
