package com.waymark.mapping;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.test.IntegrationTest;
import com.waymark.platform.test.Tenancy;

/** The integration-test context of this service with the fixtures most tests use. */
@IntegrationTest
public abstract class MappingIntegrationTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected AccessModel access;
    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected Tenancy tenancy;

    @BeforeEach
    protected void fixtures() {
        api = new Api(mvc, json);
        tenancy = new Tenancy(access);
    }
}
