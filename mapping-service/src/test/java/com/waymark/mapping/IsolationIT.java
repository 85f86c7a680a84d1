package com.waymark.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Endpoints.Endpoint;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/**
 * Workspace A's map is invisible and untouchable from anywhere else: a client of a sibling
 * workspace B and the admin of another agency get 404 for every endpoint and every one of A's ids,
 * A's ids in their own bodies count as unknown, and their lists show nothing of A. A viewer of A
 * reads but cannot write.
 */
class IsolationIT extends MappingIntegrationTest {


    Tenancy.Workspace a;
    String editorOfA;
    Endpoints.Ids idsOfA;

    @BeforeEach
    void setUp() throws Exception {
        a = tenancy.newWorkspace();
        editorOfA = tenancy.member(a, Role.CLIENT_EDITOR);
        idsOfA = fullMap(a, editorOfA);
    }

    @Test
    void aClientOfAnotherWorkspaceOfTheSameAgencyFindsNothingOfA() throws Exception {
        Tenancy.Workspace b = tenancy.workspaceIn(a.tenantId());
        expectIsolated(b, tenancy.member(b, Role.CLIENT_ADMIN));
    }

    @Test
    void theAdminOfAnotherAgencyFindsNothingOfA() throws Exception {
        Tenancy.Workspace c = tenancy.newWorkspace();
        expectIsolated(c, tenancy.member(c, Role.AGENCY_ADMIN));
    }

    @Test
    void aViewerReadsEverythingButChangesNothing() throws Exception {
        String viewer = tenancy.member(a, Role.CLIENT_VIEWER);
        JsonNode before = map(a, editorOfA, idsOfA.journey());

        List<String> unexpected = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.all(a.workspaceId(), idsOfA)) {
            expect(viewer, endpoint, endpoint.isRead() ? status -> status == 200 : status -> status == 403, unexpected);
        }

        assertThat(unexpected).as("answers other than 200 for reads / 403 for writes").isEmpty();
        assertThat(map(a, editorOfA, idsOfA.journey())).isEqualTo(before);
    }

    /** Guards the tests above: every endpoint and id they use does work for A's own editor. */
    @Test
    void everyEndpointWorksForTheOwnerOfTheIds() throws Exception {
        List<String> unexpected = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.all(a.workspaceId(), idsOfA)) {
            expect(editorOfA, endpoint, status -> status >= 200 && status < 300, unexpected);
        }
        assertThat(unexpected).as("answers other than 2xx").isEmpty();
    }

    private void expectIsolated(Tenancy.Workspace own, String outsider) throws Exception {
        Endpoints.Ids ownIds = fullMap(own, outsider);
        JsonNode before = map(a, editorOfA, idsOfA.journey());
        List<String> unexpected = new ArrayList<>();

        // A's workspace in the path
        for (Endpoint endpoint : Endpoints.all(a.workspaceId(), idsOfA)) {
            expect(outsider, endpoint, status -> status == 404, unexpected);
        }
        // their own workspace in the path, A's ids under it
        for (Endpoint endpoint : Endpoints.all(own.workspaceId(), idsOfA)) {
            if (endpoint.namesIds()) {
                expect(outsider, endpoint, status -> status == 404, unexpected);
            }
        }
        // their own journey, A's stage or touchpoint under it
        String ownJourney = "/api/workspaces/" + own.workspaceId() + "/journeys/" + ownIds.journey();
        expect(outsider, new Endpoint(HttpMethod.POST, ownJourney + "/stages/" + idsOfA.stage() + "/touchpoints",
                "{\"name\":\"x\"}", true), status -> status == 404, unexpected);
        expect(outsider, new Endpoint(HttpMethod.PATCH, ownJourney + "/stages/" + ownIds.stage() + "/touchpoints/"
                + idsOfA.touchpoint(), "{\"name\":\"x\"}", true), status -> status == 404, unexpected);
        expect(outsider, new Endpoint(HttpMethod.PUT, ownJourney + "/stages/" + idsOfA.stage() + "/touchpoints/order",
                "{\"touchpointIds\":[]}", true), status -> status == 404, unexpected);
        assertThat(unexpected).as("answers other than 404").isEmpty();

        // A's ids in their own bodies are exactly as unknown as made-up ones
        String ownStage = ownJourney + "/stages/" + ownIds.stage();
        String ws = "/api/workspaces/" + own.workspaceId();
        // (channels, personas and parent touchpoints: 404; the map's own references: 400)
        assertSameAsUnknown(outsider, HttpMethod.POST, ownStage + "/touchpoints", "{\"name\":\"x\",\"channelId\":\"%s\"}",
                idsOfA.channel(), 404);
        assertSameAsUnknown(outsider, HttpMethod.PATCH, ownStage + "/touchpoints/" + ownIds.touchpoint(),
                "{\"channelId\":\"%s\"}", idsOfA.channel(), 404);
        assertSameAsUnknown(outsider, HttpMethod.POST, ownStage + "/touchpoints", "{\"name\":\"x\",\"parentTouchpointId\":\"%s\"}",
                idsOfA.touchpoint(), 404);
        assertSameAsUnknown(outsider, HttpMethod.PATCH, ownStage + "/touchpoints/" + ownIds.touchpoint(),
                "{\"parentTouchpointId\":\"%s\"}", idsOfA.touchpoint(), 404);
        assertSameAsUnknown(outsider, HttpMethod.PATCH, ownStage + "/touchpoints/" + ownIds.touchpoint(),
                "{\"stageId\":\"%s\"}", idsOfA.stage());
        assertSameAsUnknown(outsider, HttpMethod.POST, ws + "/journeys", "{\"name\":\"x\",\"personaId\":\"%s\"}",
                idsOfA.persona(), 404);
        assertSameAsUnknown(outsider, HttpMethod.PATCH, ownJourney, "{\"personaId\":\"%s\"}", idsOfA.persona(), 404);
        assertSameAsUnknown(outsider, HttpMethod.PUT, ownStage + "/touchpoints/order", "{\"touchpointIds\":[\"%s\"]}",
                idsOfA.touchpoint());
        assertSameAsUnknown(outsider, HttpMethod.POST, ownJourney + "/painPoints", "{\"title\":\"x\",\"severity\":1,\"stageId\":\"%s\"}",
                idsOfA.stage());
        assertSameAsUnknown(outsider, HttpMethod.POST, ownJourney + "/evidence",
                "{\"kind\":\"data\",\"text\":\"x\",\"touchpointId\":\"%s\"}", idsOfA.touchpoint());
        assertSameAsUnknown(outsider, HttpMethod.POST, ownJourney + "/opportunities",
                "{\"title\":\"x\",\"impact\":1,\"effort\":1,\"painPointId\":\"%s\"}", idsOfA.painPoint());
        assertSameAsUnknown(outsider, HttpMethod.PUT, ownJourney + "/stages/order", "{\"stageIds\":[\"%s\"]}", idsOfA.stage());

        // their lists hold their own rows only
        assertThat(ids(api.read(outsider, ws + "/channels"))).containsExactly(ownIds.channel());
        assertThat(ids(api.read(outsider, ws + "/personas"))).containsExactly(ownIds.persona());
        assertThat(ids(api.read(outsider, ws + "/journeys"))).containsExactly(ownIds.journey());
        JsonNode ownMap = map(own, outsider, ownIds.journey());
        assertThat(ownMap.get("stages")).hasSize(1);
        assertThat(ownMap.get("stages").get(0).get("touchpoints")).hasSize(1);
        // and the database itself, even without a WHERE clause, shows them nothing of A
        for (String table : List.of("channel", "persona", "journey", "stage", "touchpoint", "pain_point", "opportunity", "evidence",
                "journey_version")) {
            List<UUID> visible = TenantContextHolder.callAs(TenantContext.ofWorkspace(own.tenantId(), own.workspaceId()),
                    () -> jdbc.sql("select workspace_id from " + table).query(UUID.class).list());
            assertThat(visible).as(table).containsOnly(own.workspaceId());
        }

        assertThat(map(a, editorOfA, idsOfA.journey())).as("A's map is untouched").isEqualTo(before);
    }

    private void assertSameAsUnknown(String user, HttpMethod method, String path, String bodyTemplate, UUID foreignId)
            throws Exception {
        assertSameAsUnknown(user, method, path, bodyTemplate, foreignId, 400);
    }

    private void assertSameAsUnknown(String user, HttpMethod method, String path, String bodyTemplate, UUID foreignId,
            int expectedStatus) throws Exception {
        MvcResult foreign = api.call(user, method, path, bodyTemplate.formatted(foreignId)).andReturn();
        MvcResult unknown = api.call(user, method, path, bodyTemplate.formatted(UUID.randomUUID())).andReturn();
        assertThat(foreign.getResponse().getStatus()).as(method + " " + path).isEqualTo(expectedStatus);
        assertThat(foreign.getResponse().getContentAsString()).as(method + " " + path)
                .isEqualTo(unknown.getResponse().getContentAsString());
    }

    private void expect(String user, Endpoint endpoint, IntPredicate expected, List<String> unexpected) throws Exception {
        MvcResult result = api.callAccepting(user, endpoint.method(), endpoint.path(), endpoint.body(), endpoint.accept()).andReturn();
        int status = result.getResponse().getStatus();
        if (!expected.test(status)) {
            unexpected.add(endpoint + " → " + status + " " + result.getResponse().getContentAsString());
        }
    }

    /** A workspace's map with one of everything, created by {@code user}. */
    private Endpoints.Ids fullMap(Tenancy.Workspace workspace, String user) throws Exception {
        Maps maps = new Maps(api, workspace, user);
        UUID channel = maps.channel("Store");
        UUID persona = maps.persona("Walk-in");
        UUID journey = Api.id(api.create(user, "/api/workspaces/{ws}/journeys",
                "{\"name\":\"Visit\",\"personaId\":\"%s\"}".formatted(persona), workspace.workspaceId()));
        UUID stage = maps.stage(journey, "Arrive");
        UUID touchpoint = maps.touchpoint(journey, stage, "Parking", channel);
        Endpoints.Ids ids = new Endpoints.Ids(channel, persona, journey, stage, touchpoint, maps.painPoint(journey, "Full car park"),
                maps.opportunity(journey, "Overflow parking"), maps.evidence(journey, "Queue at the entrance"));
        api.create(user, "/api/workspaces/{ws}/journeys/{j}/versions", "{\"label\":\"First\"}", workspace.workspaceId(), journey);
        return ids;
    }

    private JsonNode map(Tenancy.Workspace workspace, String user, UUID journey) throws Exception {
        return api.read(user, "/api/workspaces/{ws}/journeys/{j}", workspace.workspaceId(), journey);
    }

    private static List<UUID> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(Api::id).toList();
    }
}
