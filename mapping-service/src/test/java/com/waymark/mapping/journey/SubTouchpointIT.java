package com.waymark.mapping.journey;

import static com.waymark.mapping.journey.JourneyMapIT.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Api;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/** Sub-touchpoints: one level under a touchpoint of the same stage, moved and deleted with it, carried by files and versions. */
class SubTouchpointIT extends MappingIntegrationTest {

    private static final String JOURNEY = "/api/workspaces/{ws}/journeys/{j}";
    private static final String TOUCHPOINTS = JOURNEY + "/stages/{s}/touchpoints";
    private static final String TOUCHPOINT = TOUCHPOINTS + "/{t}";

    Tenancy.Workspace workspace;
    String editor;
    Maps maps;
    UUID online;
    UUID journey;
    UUID browse;
    UUID pay;
    UUID checkout;

    @BeforeEach
    void setUp() throws Exception {
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        maps = new Maps(api, workspace, editor);
        online = maps.channel("Online");
        journey = maps.journey("Buy");
        browse = maps.stage(journey, "Browse");
        pay = maps.stage(journey, "Pay");
        checkout = maps.touchpoint(journey, pay, "Checkout", online);
    }

    @Test
    void aSubTouchpointHangsUnderATouchpointOfItsStageInTheFlatList() throws Exception {
        UUID card = child(pay, "Card form", checkout);
        maps.touchpoint(journey, pay, "Receipt", online);

        JsonNode touchpoints = api.read(editor, JOURNEY, ws(), journey).get("stages").get(1).get("touchpoints");

        assertThat(names(touchpoints, "name")).containsExactly("Checkout", "Card form", "Receipt");
        assertThat(touchpoints.get(0).get("parentTouchpointId").isNull()).isTrue();
        assertThat(touchpoints.get(1).get("parentTouchpointId").asString()).isEqualTo(checkout.toString());
        assertThat(touchpoints.get(2).get("parentTouchpointId").isNull()).isTrue();
        // and PATCH can detach it again
        api.patch(editor, TOUCHPOINT, "{\"parentTouchpointId\":null}", ws(), journey, pay, card)
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentTouchpointId").isEmpty());
    }

    @Test
    void aParentMustBeATopLevelTouchpointOfTheSameStageOfThisJourney() throws Exception {
        UUID card = child(pay, "Card form", checkout);
        UUID banner = maps.touchpoint(journey, browse, "Banner", online);
        UUID otherJourney = maps.journey("Other");
        UUID foreign = maps.touchpoint(otherJourney, maps.stage(otherJourney, "Elsewhere"), "Elsewhere", online);

        expect400(api.post(editor, TOUCHPOINTS, parent("Grandchild", card), ws(), journey, pay));
        expect400(api.post(editor, TOUCHPOINTS, parent("Across stages", banner), ws(), journey, pay));
        expect400(api.patch(editor, TOUCHPOINT, "{\"parentTouchpointId\":\"%s\"}".formatted(checkout), ws(), journey, pay, checkout));
        UUID receipt = maps.touchpoint(journey, pay, "Receipt", online);
        // a touchpoint that has sub-touchpoints cannot become one
        expect400(api.patch(editor, TOUCHPOINT, "{\"parentTouchpointId\":\"%s\"}".formatted(receipt), ws(), journey, pay, checkout));
        api.post(editor, TOUCHPOINTS, parent("Other journey's", foreign), ws(), journey, pay)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.errors[0].field").value("parentTouchpointId"));
        api.post(editor, TOUCHPOINTS, parent("Nobody's", UUID.randomUUID()), ws(), journey, pay)
                .andExpect(status().isNotFound());

        assertThat(names(api.read(editor, JOURNEY, ws(), journey).get("stages").get(1).get("touchpoints"), "name"))
                .containsExactly("Checkout", "Card form", "Receipt");
    }

    @Test
    void aParentMovedToAnotherStageTakesItsSubTouchpointsAndTheirNotes() throws Exception {
        UUID banner = maps.touchpoint(journey, browse, "Banner", online);
        UUID card = child(pay, "Card form", checkout);
        UUID receipt = maps.touchpoint(journey, pay, "Receipt", online);
        api.create(editor, JOURNEY + "/painPoints", "{\"touchpointId\":\"%s\",\"title\":\"Declined\",\"severity\":3}".formatted(card),
                ws(), journey);
        List<String> eventsBefore = outbox(EventTypes.TOUCHPOINT_CHANGED);

        api.patch(editor, TOUCHPOINT, "{\"stageId\":\"%s\",\"position\":0}".formatted(browse), ws(), journey, pay, checkout)
                .andExpect(status().isOk());

        JsonNode map = api.read(editor, JOURNEY, ws(), journey);
        JsonNode browsing = map.get("stages").get(0).get("touchpoints");
        assertThat(names(browsing, "name")).containsExactly("Checkout", "Card form", "Banner");
        assertThat(names(browsing, "position")).containsExactly("0", "1", "2");
        assertThat(names(browsing, "stageId")).containsOnly(browse.toString());
        assertThat(browsing.get(1).get("parentTouchpointId").asString()).isEqualTo(checkout.toString());
        assertThat(names(map.get("stages").get(1).get("touchpoints"), "name")).containsExactly("Receipt");
        assertThat(map.get("stages").get(1).get("touchpoints").get(0).get("position").asInt()).isZero();
        assertThat(map.get("painPoints").get(0).get("stageId").asString()).isEqualTo(browse.toString());
        // the parent and its sub-touchpoint are announced in their new stage
        List<String> announced = outbox(EventTypes.TOUCHPOINT_CHANGED).stream().filter(event -> !eventsBefore.contains(event)).toList();
        assertThat(announced).hasSize(2)
                .allSatisfy(event -> assertThat(event).contains(browse.toString()))
                .anySatisfy(event -> assertThat(event).contains(card.toString()));
        assertThat(receipt).isNotNull();
        assertThat(banner).isNotNull();
    }

    @Test
    void aSubTouchpointMovedAloneLeavesItsParentUnlessItNamesOneThere() throws Exception {
        UUID card = child(pay, "Card form", checkout);
        UUID wallet = child(pay, "Wallet", checkout);
        UUID banner = maps.touchpoint(journey, browse, "Banner", online);

        api.patch(editor, TOUCHPOINT, "{\"stageId\":\"%s\"}".formatted(browse), ws(), journey, pay, card)
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentTouchpointId").isEmpty());
        api.patch(editor, TOUCHPOINT, "{\"stageId\":\"%s\",\"parentTouchpointId\":\"%s\"}".formatted(browse, banner),
                ws(), journey, pay, wallet)
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentTouchpointId").value(banner.toString()));
        expect400(api.patch(editor, TOUCHPOINT, "{\"stageId\":\"%s\",\"parentTouchpointId\":\"%s\"}".formatted(pay, banner),
                ws(), journey, browse, card));
    }

    @Test
    void deletingAParentDeletesItsSubTouchpointsAndAnnouncesEach() throws Exception {
        UUID card = child(pay, "Card form", checkout);
        UUID receipt = maps.touchpoint(journey, pay, "Receipt", online);

        api.call(editor, HttpMethod.DELETE, TOUCHPOINT, null, ws(), journey, pay, checkout).andExpect(status().isNoContent());

        JsonNode touchpoints = api.read(editor, JOURNEY, ws(), journey).get("stages").get(1).get("touchpoints");
        assertThat(names(touchpoints, "id")).containsExactly(receipt.toString());
        assertThat(touchpoints.get(0).get("position").asInt()).isZero();
        List<String> deleted = outbox(EventTypes.TOUCHPOINT_DELETED);
        assertThat(deleted).hasSize(2);
        assertThat(deleted).anySatisfy(event -> assertThat(event).contains(checkout.toString()))
                .anySatisfy(event -> assertThat(event).contains(card.toString()));
    }

    @Test
    void subTouchpointsTravelInFilesCsvAndVersions() throws Exception {
        UUID card = child(pay, "Card form", checkout);
        api.create(editor, JOURNEY + "/versions", "{\"label\":\"Before\"}", ws(), journey);
        api.patch(editor, TOUCHPOINT, "{\"parentTouchpointId\":null}", ws(), journey, pay, card);
        api.patch(editor, TOUCHPOINT, "{\"parentTouchpointId\":\"%s\"}".formatted(card), ws(), journey, pay,
                maps.touchpoint(journey, pay, "Wallet", online));
        api.patch(editor, TOUCHPOINT, "{\"parentTouchpointId\":\"%s\"}".formatted(checkout), ws(), journey, pay, card)
                .andExpect(status().isBadRequest());
        api.create(editor, JOURNEY + "/versions", "{\"label\":\"After\"}", ws(), journey);

        JsonNode diff = api.read(editor, JOURNEY + "/versions/1/diff/2", ws(), journey);
        assertThat(diff.toString()).contains("\"field\":\"parent\",\"from\":\"Checkout\",\"to\":null");

        String csv = api.callAccepting(editor, HttpMethod.GET, JOURNEY, null, "text/csv", ws(), journey)
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")[0]).endsWith(",parent_position,parent_touchpoint");
        assertThat(csv).contains("Pay,1,2,Wallet,Online,1,,,,,,,,,,1,Card form\r\n");

        // a file whose sub-touchpoint comes before its parent still imports, with new ids tied the same way
        String file = """
                {"name":"Imported","stages":[{"id":"s1","name":"Pay","touchpoints":[
                   {"id":"t2","name":"Card form","parentTouchpointId":"t1"},{"id":"t1","name":"Checkout"}]}]}""";
        JsonNode imported = api.create(editor, "/api/workspaces/{ws}/journeys:import", file, ws());
        JsonNode touchpoints = imported.get("stages").get(0).get("touchpoints");
        assertThat(touchpoints.get(0).get("parentTouchpointId").asString()).isEqualTo(touchpoints.get(1).get("id").asString());
        assertThat(touchpoints.get(1).get("parentTouchpointId").isNull()).isTrue();
    }

    @Test
    void aFileWithBadParentsIsRefusedWithEachOfThem() throws Exception {
        String file = """
                {"name":"Broken","stages":[
                   {"id":"s1","name":"A","touchpoints":[{"id":"t1","name":"Top"},{"id":"t2","name":"Child","parentTouchpointId":"t1"},
                      {"id":"t3","name":"Grandchild","parentTouchpointId":"t2"},{"id":"t4","name":"Lost","parentTouchpointId":"t9"}]},
                   {"id":"s2","name":"B","touchpoints":[{"id":"t5","name":"Across","parentTouchpointId":"t1"}]}]}""";

        JsonNode problem = api.body(api.post(editor, "/api/workspaces/{ws}/journeys:import", file, ws())
                .andExpect(status().isBadRequest()));

        assertThat(StreamSupport.stream(problem.get("errors").spliterator(), false).map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("stages[0].touchpoints[2].parentTouchpointId",
                        "stages[0].touchpoints[3].parentTouchpointId", "stages[1].touchpoints[0].parentTouchpointId");
        assertThat(api.read(editor, "/api/workspaces/{ws}/journeys", ws()).get("items")).hasSize(1);
    }

    private UUID child(UUID stage, String name, UUID parent) throws Exception {
        return Api.id(api.create(editor, TOUCHPOINTS, parent(name, parent), ws(), journey, stage));
    }

    private static String parent(String name, UUID parent) {
        return "{\"name\":\"%s\",\"parentTouchpointId\":\"%s\"}".formatted(name, parent);
    }

    private static void expect400(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        result.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentTouchpointId"));
    }

    /** The payloads of this workspace's outbox events of one type, in order. */
    private List<String> outbox(String type) {
        return TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()),
                () -> jdbc.sql("select payload::text from outbox where workspace_id = ? and type = ? order by id")
                        .params(ws(), type).query(String.class).list());
    }

    private UUID ws() {
        return workspace.workspaceId();
    }
}
