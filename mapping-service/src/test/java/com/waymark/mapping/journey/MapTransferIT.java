package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Api;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/** Export (CSV, JSON) and import of whole maps. */
class MapTransferIT extends MappingIntegrationTest {

    private static final String JOURNEY = "/api/workspaces/{ws}/journeys/{j}";
    private static final String IMPORT = "/api/workspaces/{ws}/journeys:import";


    Tenancy.Workspace workspace;
    String editor;
    Maps maps;

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        maps = new Maps(api, workspace, editor);
    }

    @Test
    void theCsvExportHasOneProperlyQuotedRowPerTouchpoint() throws Exception {
        UUID online = maps.channel("Online");
        UUID journey = maps.journey("Buy online, collect in store");
        UUID browse = maps.stage(journey, "Browse");
        maps.stage(journey, "Empty stage");
        UUID pay = maps.stage(journey, "Pay, finally");
        maps.touchpoint(journey, browse, "Home page", online);
        api.create(editor, JOURNEY + "/stages/{s}/touchpoints", """
                {"name":"The \\"Pay now\\" button","channelId":"%s","expectedEmotion":-2,"owningTeam":"Web",
                 "customerAction":{"text":"Clicks\\nand waits","owningTeam":"Customer"},
                 "backstage":{"text":"=HYPERLINK(\\"x\\")","owningTeam":"Payments"}}""".formatted(online), ws(), journey, pay);
        maps.touchpoint(journey, pay, "Receipt", online);

        MvcResult result = api.callAccepting(editor, HttpMethod.GET, JOURNEY, null, "text/csv", ws(), journey)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"buy-online-collect-in-store.csv\""))
                .andReturn();

        assertThat(result.getResponse().getContentAsString()).isEqualTo(
                "stage,stage_position,position,touchpoint,channel,expected_emotion,owning_team,customer_action,"
                        + "customer_action_team,frontstage,frontstage_team,backstage,backstage_team,support,support_team,"
                        + "parent_position,parent_touchpoint\r\n"
                        + "Browse,0,0,Home page,Online,1,,,,,,,,,,,\r\n"
                        + "\"Pay, finally\",2,0,\"The \"\"Pay now\"\" button\",Online,-2,Web,\"Clicks\nand waits\",Customer,,,"
                        + "\"'=HYPERLINK(\"\"x\"\")\",Payments,,,,\r\n"
                        + "\"Pay, finally\",2,1,Receipt,Online,1,,,,,,,,,,,\r\n");
    }

    @Test
    void jsonStaysTheDefaultAndWinsWhenPreferred() throws Exception {
        UUID journey = maps.journey("Formats");

        for (String accept : List.of("application/json", "*/*", "application/json, text/csv;q=0.5", "text/csv;q=0, */*")) {
            api.callAccepting(editor, HttpMethod.GET, JOURNEY, null, accept, ws(), journey)
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.CONTENT_TYPE, org.hamcrest.Matchers.startsWith("application/json")));
        }
        api.callAccepting(editor, HttpMethod.GET, JOURNEY, null, "text/csv, application/json;q=0.9", ws(), journey)
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, org.hamcrest.Matchers.startsWith("text/csv")));
    }

    @Test
    void anExportedMapImportsIntoAnotherWorkspaceWithChannelsMatchedByName() throws Exception {
        UUID online = maps.channel("Online");
        UUID kiosk = maps.channel("Kiosk");
        UUID journey = maps.journey("Visit");
        api.patch(editor, JOURNEY, "{\"state\":\"future\",\"ownerName\":\"Cora\",\"reviewEveryDays\":30}", ws(), journey);
        UUID arrive = maps.stage(journey, "Arrive");
        UUID shop = maps.stage(journey, "Shop");
        UUID checkIn = maps.touchpoint(journey, arrive, "Check-in", kiosk);
        maps.touchpoint(journey, shop, "Web order", online);
        JsonNode painPoint = api.create(editor, JOURNEY + "/painPoints",
                "{\"title\":\"Kiosk down\",\"severity\":4,\"touchpointId\":\"%s\"}".formatted(checkIn), ws(), journey);
        api.create(editor, JOURNEY + "/opportunities",
                "{\"title\":\"Second kiosk\",\"impact\":3,\"effort\":2,\"painPointId\":\"%s\"}".formatted(Api.id(painPoint)), ws(), journey);
        api.create(editor, JOURNEY + "/evidence", "{\"kind\":\"quote\",\"text\":\"Never works\",\"stageId\":\"%s\"}".formatted(shop),
                ws(), journey);
        String file = api.read(editor, JOURNEY, ws(), journey).toString();

        Tenancy.Workspace other = tenancy.newWorkspace();
        String otherEditor = tenancy.member(other, Role.CLIENT_EDITOR);
        UUID existingOnline = new Maps(api, other, otherEditor).channel("ONLINE");
        MvcResult result = api.post(otherEditor, IMPORT, file, other.workspaceId())
                .andExpect(status().isCreated())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn();
        JsonNode imported = json.readTree(result.getResponse().getContentAsString());
        UUID newJourney = Api.id(imported);
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION))
                .endsWith("/api/workspaces/" + other.workspaceId() + "/journeys/" + newJourney);
        assertThat(api.read(otherEditor, JOURNEY, other.workspaceId(), newJourney)).isEqualTo(imported);

        assertThat(newJourney).isNotEqualTo(journey);
        assertThat(imported.get("name").asString()).isEqualTo("Visit");
        assertThat(imported.get("state").asString()).isEqualTo("future");
        assertThat(imported.get("ownerName").asString()).isEqualTo("Cora");
        assertThat(imported.get("reviewEveryDays").asInt()).isEqualTo(30);
        JsonNode stages = imported.get("stages");
        assertThat(names(stages)).containsExactly("Arrive", "Shop");
        JsonNode newCheckIn = stages.get(0).get("touchpoints").get(0);
        JsonNode webOrder = stages.get(1).get("touchpoints").get(0);
        assertThat(newCheckIn.get("name").asString()).isEqualTo("Check-in");
        assertThat(newCheckIn.get("expectedEmotion").asInt()).isEqualTo(1);
        assertThat(webOrder.get("channelId").asString()).as("matched by name, any case").isEqualTo(existingOnline.toString());
        Map<String, String> channels = channelNames(otherEditor, other.workspaceId());
        assertThat(channels).containsEntry(newCheckIn.get("channelId").asString(), "Kiosk").hasSize(2);
        JsonNode newPainPoint = imported.get("painPoints").get(0);
        assertThat(newPainPoint.get("touchpointId").asString()).isEqualTo(newCheckIn.get("id").asString());
        assertThat(newPainPoint.get("stageId").asString()).isEqualTo(stages.get(0).get("id").asString());
        assertThat(imported.get("opportunities").get(0).get("painPointId").asString()).isEqualTo(newPainPoint.get("id").asString());
        assertThat(imported.get("evidence").get(0).get("stageId").asString()).isEqualTo(stages.get(1).get("id").asString());
        assertThat(imported.toString()).doesNotContain(journey.toString(), arrive.toString(), checkIn.toString());

        // announced like any new map: the journey, each stage and each touchpoint
        List<String> types = TenantContextHolder.callAs(TenantContext.ofWorkspace(other.tenantId(), other.workspaceId()),
                () -> jdbc.sql("select type from outbox where workspace_id = ?").param(other.workspaceId())
                        .query(String.class).list());
        assertThat(types).containsExactlyInAnyOrder(EventTypes.JOURNEY_CHANGED, EventTypes.STAGE_CHANGED, EventTypes.TOUCHPOINT_CHANGED,
                EventTypes.STAGE_CHANGED, EventTypes.TOUCHPOINT_CHANGED);
    }

    @Test
    void aBadFileIsRejectedWithEveryReasonAndNothingIsCreated() throws Exception {
        maps.journey("Already here");
        String file = """
                {"name":"Broken","state":"someday","channels":[{"id":"c1","name":"Chat"}],
                 "stages":[
                   {"id":"s1","name":"Fine","touchpoints":[
                      {"id":"t1","name":"Bot","channelId":"c1"},
                      {"id":"t2","name":"","expectedEmotion":5,"channelId":"c9"}]},
                   {"id":"s2","name":" ","touchpoints":[{"id":"t3","name":"Call","channel":"Brand new channel","expectedEmotion":"sad"}]},
                   "not a stage"],
                 "painPoints":[{"id":"p1","title":"Loops","severity":9,"stageId":"s7"},
                               {"id":"p2","title":"Wrong place","severity":2,"stageId":"s2","touchpointId":"t1"}],
                 "opportunities":[{"title":"Fix","impact":3,"effort":3,"painPointId":"p9"}],
                 "evidence":[{"kind":"rumour","text":"x","link":"ftp://x"}]}""";

        JsonNode problem = api.body(api.post(editor, IMPORT, file, ws()).andExpect(status().isBadRequest()));

        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false).map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("state",
                        "stages[0].touchpoints[1].name", "stages[0].touchpoints[1].expectedEmotion",
                        "stages[0].touchpoints[1].channelId",
                        "stages[1].name", "stages[1].touchpoints[0].expectedEmotion",
                        "stages[2]",
                        "painPoints[0].severity", "painPoints[0].stageId", "painPoints[1].touchpointId",
                        "opportunities[0].painPointId",
                        "evidence[0].kind", "evidence[0].link");
        assertThat(names(api.read(editor, "/api/workspaces/{ws}/journeys", ws()).get("items"))).containsExactly("Already here");
        assertThat(channelNames(editor, ws()).values()).doesNotContain("Chat", "Brand new channel");
        int events = TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()),
                () -> jdbc.sql("select count(*) from outbox where workspace_id = ?").param(ws()).query(Integer.class).single());
        assertThat(events).as("only the journey created in the test").isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAMapIsRefused() throws Exception {
        api.post(editor, IMPORT, "[1,2]", ws()).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("body"));
        api.post(editor, IMPORT, "{}", ws()).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("name"));
        api.post(editor, IMPORT, "{\"name\":\"x\",\"stages\":{}}", ws()).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("stages"));
        api.post(editor, IMPORT, "{not json", ws()).andExpect(status().isBadRequest());
        String tooManyStages = "{\"name\":\"Huge\",\"stages\":[" + String.join(",", java.util.Collections.nCopies(101, "{\"name\":\"s\"}")) + "]}";
        api.post(editor, IMPORT, tooManyStages, ws()).andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field").value("stages"));
        assertThat(api.read(editor, "/api/workspaces/{ws}/journeys", ws()).get("items")).isEmpty();
    }

    @Test
    void aViewerExportsButCannotImport() throws Exception {
        UUID journey = maps.journey("Read only");
        String viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);

        api.callAccepting(viewer, HttpMethod.GET, JOURNEY, null, "text/csv", ws(), journey).andExpect(status().isOk());
        api.post(viewer, IMPORT, "{\"name\":\"Sneaky\"}", ws()).andExpect(status().isForbidden());
        assertThat(api.read(editor, "/api/workspaces/{ws}/journeys", ws()).get("items")).hasSize(1);
    }

    private Map<String, String> channelNames(String user, UUID workspaceId) throws Exception {
        JsonNode items = api.read(user, "/api/workspaces/{ws}/channels?limit=100", workspaceId).get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(item -> item.get("id").asString(), item -> item.get("name").asString()));
    }

    private static List<String> names(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("name").asString()).toList();
    }

    private UUID ws() {
        return workspace.workspaceId();
    }
}
