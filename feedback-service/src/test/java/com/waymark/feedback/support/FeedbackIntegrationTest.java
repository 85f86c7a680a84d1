package com.waymark.feedback.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.feedback.touchpoint.Touchpoints;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.test.IntegrationTest;

/**
 * The one integration-test context of this service (real PostgreSQL database and RabbitMQ vhost of
 * this run); every integration test extends this so they all share it.
 */
@IntegrationTest
public abstract class FeedbackIntegrationTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected AccessModel access;
    @Autowired
    protected Touchpoints touchpoints;

    protected Fixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new Fixtures(mvc, json, jdbc, access, touchpoints);
    }
}
