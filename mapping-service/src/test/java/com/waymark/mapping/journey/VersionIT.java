package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/** Versions: labelled snapshots of the whole map, read back as they were, listed, and compared. */
class VersionIT extends MappingIntegrationTest {

    private static final String JOURNEY = "/api/workspaces/{ws}/journeys/{j}";
    private static final String VERSIONS = JOURNEY + "/versions";


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
    void anOldVersionReadsBackAsTheMapWasAndTheDiffSaysWhatChanged() throws Exception {
        UUID online = maps.channel("Online");
        UUID store = maps.channel("Store");
        UUID journey = maps.journey("Buy");
        UUID browse = maps.stage(journey, "Browse");
        UUID pay = maps.stage(journey, "Pay");
        UUID checkout = maps.touchpoint(journey, pay, "Checkout", online);
        UUID banner = maps.touchpoint(journey, browse, "Banner", online);
        JsonNode before = api.read(editor, JOURNEY, ws(), journey);
        String etag = api.get(editor, JOURNEY, ws(), journey).andReturn().getResponse().getHeader(HttpHeaders.ETAG);

        api.post(editor, VERSIONS, "{\"label\":\"Before the workshop\"}", ws(), journey)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.endsWith("/versions/1")))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.label").value("Before the workshop"))
                .andExpect(jsonPath("$.createdBy").value(editor))
                .andExpect(jsonPath("$.createdAt").exists());
        assertThat(api.get(editor, JOURNEY, ws(), journey).andReturn().getResponse().getHeader(HttpHeaders.ETAG))
                .as("a snapshot does not change the map").isEqualTo(etag);

        api.patch(editor, JOURNEY, "{\"name\":\"Buy online\"}", ws(), journey);
        api.patch(editor, JOURNEY + "/stages/{s}", "{\"name\":\"Payment\"}", ws(), journey, pay);
        api.patch(editor, JOURNEY + "/stages/{s}/touchpoints/{t}", "{\"channelId\":\"%s\",\"expectedEmotion\":-2}".formatted(store),
                ws(), journey, pay, checkout);
        api.call(editor, HttpMethod.DELETE, JOURNEY + "/stages/{s}/touchpoints/{t}", null, ws(), journey, browse, banner);
        UUID review = maps.stage(journey, "Review");
        api.post(editor, JOURNEY + "/painPoints", "{\"title\":\"Card declined\",\"severity\":4,\"stageId\":\"%s\"}".formatted(pay),
                ws(), journey);
        api.create(editor, VERSIONS, "{\"label\":\"After the workshop\"}", ws(), journey);

        assertThat(api.read(editor, VERSIONS + "/1", ws(), journey)).isEqualTo(before);
        JsonNode list = api.read(editor, VERSIONS, ws(), journey).get("items");
        assertThat(StreamSupport.stream(list.spliterator(), false).map(v -> v.get("number").asInt())).containsExactly(2, 1);
        assertThat(list.get(0).get("label").asString()).isEqualTo("After the workshop");

        JsonNode diff = api.read(editor, VERSIONS + "/1/diff/2", ws(), journey);
        assertThat(diff.get("from").get("number").asInt()).isEqualTo(1);
        assertThat(diff.get("to").get("label").asString()).isEqualTo("After the workshop");
        JsonNode changes = diff.get("changes");
        assertThat(changes.get("journey").toString()).isEqualTo("[{\"field\":\"name\",\"from\":\"Buy\",\"to\":\"Buy online\"}]");
        assertThat(changes.get("summary").toString()).contains(
                "Stage \\\"Pay\\\" name: \\\"Pay\\\" → \\\"Payment\\\"",
                "Touchpoint \\\"Checkout\\\" in stage \\\"Payment\\\": channel: \\\"Online\\\" → \\\"Store\\\", expectedEmotion: \\\"1\\\" → \\\"-2\\\"",
                "Touchpoint \\\"Banner\\\" removed from stage \\\"Browse\\\"",
                "Stage \\\"Review\\\" added at position 2",
                "Pain point \\\"Card declined\\\" added (stage \\\"Payment\\\")");
        JsonNode payment = StreamSupport.stream(changes.get("stages").spliterator(), false)
                .filter(stage -> stage.get("stageId").asString().equals(pay.toString())).findFirst().orElseThrow();
        assertThat(payment.get("change").asString()).isEqualTo("changed");
        assertThat(payment.get("touchpoints").get(0).get("fields").toString()).isEqualTo("""
                [{"field":"channel","from":"Online","to":"Store"},{"field":"expectedEmotion","from":"1","to":"-2"}]""");
        assertThat(StreamSupport.stream(changes.get("stages").spliterator(), false).map(stage -> stage.get("stageId").asString()))
                .as("stages in the newer order").containsExactly(browse.toString(), pay.toString(), review.toString());

        // the other way round: everything turns around
        JsonNode back = api.read(editor, VERSIONS + "/2/diff/1", ws(), journey).get("changes");
        assertThat(back.get("summary").toString()).contains("Stage \\\"Review\\\" removed",
                "Touchpoint \\\"Banner\\\" added to stage \\\"Browse\\\"");
    }

    @Test
    void versionsOutliveTheThingsTheyShowAndGoWithTheirJourney() throws Exception {
        UUID online = maps.channel("Kiosk");
        UUID journey = maps.journey("Visit");
        UUID stage = maps.stage(journey, "Arrive");
        maps.touchpoint(journey, stage, "Check-in", online);
        api.create(editor, VERSIONS, "{\"label\":\"v1\"}", ws(), journey);
        api.call(editor, HttpMethod.DELETE, JOURNEY + "/stages/{s}", null, ws(), journey, stage);

        JsonNode old = api.read(editor, VERSIONS + "/1", ws(), journey);
        assertThat(old.get("stages").get(0).get("touchpoints").get(0).get("name").asString()).isEqualTo("Check-in");
        assertThat(old.get("channels").get(0).get("name").asString()).isEqualTo("Kiosk");

        api.call(editor, HttpMethod.DELETE, JOURNEY, null, ws(), journey).andExpect(status().isNoContent());
        int left = TenantContextHolder.callAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()),
                () -> jdbc.sql("select count(*) from journey_version where journey_id = ?").param(journey).query(Integer.class).single());
        assertThat(left).isZero();
    }

    @Test
    void unknownVersionsAndJourneysAre404() throws Exception {
        UUID journey = maps.journey("Lonely");
        api.create(editor, VERSIONS, "{\"label\":\"only\"}", ws(), journey);

        api.get(editor, VERSIONS + "/2", ws(), journey).andExpect(status().isNotFound());
        api.get(editor, VERSIONS + "/1/diff/2", ws(), journey).andExpect(status().isNotFound());
        api.get(editor, VERSIONS + "/0/diff/1", ws(), journey).andExpect(status().isNotFound());
        api.get(editor, VERSIONS, ws(), UUID.randomUUID()).andExpect(status().isNotFound());
        api.get(editor, VERSIONS + "/1", ws(), UUID.randomUUID()).andExpect(status().isNotFound());
        api.post(editor, VERSIONS, "{\"label\":\"x\"}", ws(), UUID.randomUUID()).andExpect(status().isNotFound());
        api.get(editor, VERSIONS + "/one", ws(), journey).andExpect(status().isNotFound());
    }

    @Test
    void aBadLabelIsRefusedAndNoVersionWritten() throws Exception {
        UUID journey = maps.journey("Labels");

        api.post(editor, VERSIONS, "{\"label\":\" \"}", ws(), journey)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("label")));
        api.post(editor, VERSIONS, "{\"label\":\"%s\"}".formatted("x".repeat(201)), ws(), journey)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("label")));
        api.post(editor, VERSIONS, "{}", ws(), journey)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("label")));

        assertThat(api.read(editor, VERSIONS, ws(), journey).get("items")).isEmpty();
        assertThat(api.create(editor, VERSIONS, "{\"label\":\"first\"}", ws(), journey).get("number").asInt()).isEqualTo(1);
    }

    @Test
    void aViewerReadsVersionsButCannotTakeOne() throws Exception {
        UUID journey = maps.journey("Watched");
        api.create(editor, VERSIONS, "{\"label\":\"v1\"}", ws(), journey);
        String viewer = tenancy.member(workspace, Role.CLIENT_VIEWER);

        api.post(viewer, VERSIONS, "{\"label\":\"v2\"}", ws(), journey).andExpect(status().isForbidden());
        api.get(viewer, VERSIONS + "/1/diff/1", ws(), journey).andExpect(status().isOk());
        assertThat(api.read(viewer, VERSIONS, ws(), journey).get("items")).hasSize(1);
    }

    private UUID ws() {
        return workspace.workspaceId();
    }
}
