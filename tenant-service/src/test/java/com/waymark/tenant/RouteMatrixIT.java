package com.waymark.tenant;

import java.util.Set;
import com.waymark.platform.test.RouteMatrixTest;
import com.waymark.tenant.support.TenantServiceTest;

/** The role × endpoint matrix over every route of this service (see RouteMatrix). */
@TenantServiceTest
class RouteMatrixIT extends RouteMatrixTest {

    /** Who am I: every signed-in user, whatever their memberships. */
    @Override
    protected Set<String> openToEveryUser() {
        return Set.of("/api/me");
    }
}
