package com.waymark.mapping;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.test.TestUsers;

/** Calls the service's HTTP API through MockMvc as a given user; small enough to read in a test. */
public final class Api {

    private final MockMvc mvc;
    private final JsonMapper json;

    public Api(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public ResultActions call(String user, HttpMethod method, String path, @Nullable String body, Object... variables)
            throws Exception {
        return callAccepting(user, method, path, body, null, variables);
    }

    /** With an {@code Accept} header when {@code accept} is not null. */
    public ResultActions callAccepting(String user, HttpMethod method, String path, @Nullable String body, @Nullable String accept,
            Object... variables) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path, variables).with(TestUsers.as(user));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    public ResultActions get(String user, String path, Object... variables) throws Exception {
        return call(user, HttpMethod.GET, path, null, variables);
    }

    public ResultActions post(String user, String path, String body, Object... variables) throws Exception {
        return call(user, HttpMethod.POST, path, body, variables);
    }

    public ResultActions patch(String user, String path, String body, Object... variables) throws Exception {
        return call(user, HttpMethod.PATCH, path, body, variables);
    }

    /** POSTs and returns the created resource, failing unless the answer is 201. */
    public JsonNode create(String user, String path, String body, Object... variables) throws Exception {
        MvcResult result = post(user, path, body, variables).andReturn();
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("POST " + path + " answered " + result.getResponse().getStatus() + ": "
                    + result.getResponse().getContentAsString());
        }
        return json.readTree(result.getResponse().getContentAsString());
    }

    /** GETs and returns the body, failing unless the answer is 200. */
    public JsonNode read(String user, String path, Object... variables) throws Exception {
        MvcResult result = get(user, path, variables).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("GET " + path + " answered " + result.getResponse().getStatus() + ": "
                    + result.getResponse().getContentAsString());
        }
        return json.readTree(result.getResponse().getContentAsString());
    }

    public JsonNode body(ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    public static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
