package com.waymark.metrics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.test.TestUsers;

/** Reads the metrics API through MockMvc as a given user. */
public final class MetricsApi {

    private final MockMvc mvc;
    private final JsonMapper json;

    public MetricsApi(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** {@code query} is e.g. {@code "segment=new&from=2026-11-01"} (URL-encoded, or empty); the call must answer 200. */
    public JsonNode summary(String user, UUID workspaceId, String query) throws Exception {
        return ok(call(user, "/api/workspaces/" + workspaceId + "/metrics/summary", query));
    }

    public JsonNode timeseries(String user, UUID workspaceId, String query) throws Exception {
        return ok(call(user, "/api/workspaces/" + workspaceId + "/metrics/timeseries", query));
    }

    public MvcResult call(String user, String path, String query) throws Exception {
        // a URI is used as given: the query must already be URL-encoded, as a real client sends it
        MockHttpServletRequestBuilder request = get(URI.create(path + (query.isEmpty() ? "" : "?" + query)));
        return mvc.perform(request.with(TestUsers.as(user))).andReturn();
    }

    /** A PUT with a JSON body (answer as it is). */
    public MvcResult put(String user, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(URI.create(path))
                .with(TestUsers.as(user)).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }

    public JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode ok(MvcResult result) throws Exception {
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("expected 200 but got " + result.getResponse().getStatus() + ": "
                    + result.getResponse().getContentAsString());
        }
        return body(result);
    }

    /** The element of an array whose {@code idField} is {@code id}. */
    public static JsonNode find(JsonNode array, String idField, UUID id) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(node -> id.toString().equals(node.get(idField).asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + idField + " " + id + " in " + array));
    }
}
