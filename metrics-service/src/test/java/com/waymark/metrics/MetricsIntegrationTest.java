package com.waymark.metrics;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.AccessModel;
import com.waymark.platform.test.IntegrationTest;
import com.waymark.platform.test.Tenancy;

/**
 * The one integration-test context of this service, with the fixtures most tests use: tenancy,
 * real envelopes published to {@code cx.events}, and the HTTP API through MockMvc.
 */
@IntegrationTest
abstract class MetricsIntegrationTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected AccessModel access;
    @Autowired
    protected RabbitTemplate rabbit;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcClient jdbc;

    protected Tenancy tenancy;
    protected CxEvents events;
    protected MetricsApi api;

    @BeforeEach
    void fixtures() {
        tenancy = new Tenancy(access);
        events = new CxEvents(rabbit, json);
        api = new MetricsApi(mvc, json);
    }
}
