package com.waymark.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import com.waymark.platform.test.RouteMatrix;
import com.waymark.platform.test.RouteMatrixTest;

@ProbeTest
class RouteMatrixIT extends RouteMatrixTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theProbeServicesRoutesAreAllInTheMatrix() {
        assertThat(RouteMatrix.apiRoutes(mapping)).extracting(Object::toString)
                .contains("GET /api/workspaces/{workspaceId}/notes", "POST /api/workspaces/{workspaceId}/notes");
    }
}
