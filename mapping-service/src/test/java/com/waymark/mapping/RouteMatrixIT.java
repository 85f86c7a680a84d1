package com.waymark.mapping;

import com.waymark.platform.test.IntegrationTest;
import com.waymark.platform.test.RouteMatrixTest;

/** The role × endpoint matrix over every route of this service (see RouteMatrix). */
@IntegrationTest
class RouteMatrixIT extends RouteMatrixTest {
}
