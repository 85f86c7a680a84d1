package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;

/** Bad input is a 400 problem naming the field at fault, and nothing is written. */
class ValidationIT extends MappingIntegrationTest {

    private static final String JOURNEYS = "/api/workspaces/{ws}/journeys";
    private static final String JOURNEY = JOURNEYS + "/{j}";
    private static final String TOUCHPOINTS = JOURNEY + "/stages/{s}/touchpoints";


    String editor;
    Maps maps;
    UUID ws;
    UUID channel;
    UUID journey;
    UUID stage;

    @BeforeEach
    void setUp() throws Exception {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace workspace = tenancy.newWorkspace();
        ws = workspace.workspaceId();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
        maps = new Maps(api, workspace, editor);
        channel = maps.channel("Online");
        journey = maps.journey("Checkout");
        stage = maps.stage(journey, "Pay");
    }

    @Test
    void anEmotionOutsideMinusTwoToTwoIsRefusedByName() throws Exception {
        expectInvalid(api.post(editor, TOUCHPOINTS, touchpoint("\"expectedEmotion\":3"), ws, journey, stage), "expectedEmotion");
        expectInvalid(api.post(editor, TOUCHPOINTS, touchpoint("\"expectedEmotion\":-3"), ws, journey, stage), "expectedEmotion");
        expectInvalid(api.post(editor, TOUCHPOINTS, touchpoint("\"expectedEmotion\":\"happy\""), ws, journey, stage),
                "expectedEmotion");

        assertThat(touchpointsOnMap()).isZero();
    }

    @Test
    void anUnknownChannelIsNotFoundAndNamed() throws Exception {
        expectNotFound(api.post(editor, TOUCHPOINTS, """
                {"name":"Card form","channelId":"%s"}""".formatted(UUID.randomUUID()), ws, journey, stage), "channelId");

        assertThat(touchpointsOnMap()).isZero();
    }

    @Test
    void aMissingNameIsRefusedByName() throws Exception {
        expectInvalid(api.post(editor, JOURNEYS, "{\"state\":\"current\"}", ws), "name");
        expectInvalid(api.post(editor, JOURNEYS, "{\"name\":\"  \"}", ws), "name");
        expectInvalid(api.post(editor, JOURNEY + "/stages", "{}", ws, journey), "name");
        expectInvalid(api.post(editor, TOUCHPOINTS, "{\"channelId\":\"%s\"}".formatted(channel), ws, journey, stage), "name");
        expectInvalid(api.post(editor, "/api/workspaces/{ws}/personas", "{\"description\":\"x\"}", ws), "name");
        expectInvalid(api.post(editor, "/api/workspaces/{ws}/channels", "{\"name\":\"\"}", ws), "name");

        assertThat(api.read(editor, JOURNEYS, ws).get("items")).hasSize(1);
        assertThat(api.read(editor, JOURNEY, ws, journey).get("stages")).hasSize(1);
        assertThat(touchpointsOnMap()).isZero();
    }

    @Test
    void namesAreOneToTwoHundredCharactersOnCreateAndPatch() throws Exception {
        String longest = "n".repeat(200);
        String tooLong = "n".repeat(201);
        UUID touchpoint = com.waymark.mapping.Api.id(api.create(editor, TOUCHPOINTS, "{\"name\":\"%s\"}".formatted(longest), ws, journey, stage));
        UUID persona = maps.persona("Shopper");

        expectInvalid(api.post(editor, JOURNEYS, "{\"name\":\"%s\"}".formatted(tooLong), ws), "name");
        expectInvalid(api.post(editor, JOURNEY + "/stages", "{\"name\":\"%s\"}".formatted(tooLong), ws, journey), "name");
        expectInvalid(api.post(editor, TOUCHPOINTS, "{\"name\":\"%s\"}".formatted(tooLong), ws, journey, stage), "name");
        expectInvalid(api.post(editor, "/api/workspaces/{ws}/personas", "{\"name\":\"%s\"}".formatted(tooLong), ws), "name");
        expectInvalid(api.patch(editor, JOURNEY, "{\"name\":\"%s\"}".formatted(tooLong), ws, journey), "name");
        expectInvalid(api.patch(editor, JOURNEY + "/stages/{s}", "{\"name\":\"%s\"}".formatted(tooLong), ws, journey, stage), "name");
        expectInvalid(api.patch(editor, TOUCHPOINTS + "/{t}", "{\"name\":\"\"}", ws, journey, stage, touchpoint), "name");
        expectInvalid(api.patch(editor, TOUCHPOINTS + "/{t}", "{\"name\":\"%s\"}".formatted(tooLong), ws, journey, stage, touchpoint), "name");
        expectInvalid(api.patch(editor, "/api/workspaces/{ws}/personas/{p}", "{\"name\":\"%s\"}".formatted(tooLong), ws, persona), "name");

        JsonNode map = api.read(editor, JOURNEY, ws, journey);
        assertThat(map.get("name").asString()).isEqualTo("Checkout");
        assertThat(map.get("stages")).hasSize(1);
        assertThat(map.get("stages").get(0).get("name").asString()).isEqualTo("Pay");
        assertThat(map.get("stages").get(0).get("touchpoints").get(0).get("name").asString()).isEqualTo(longest);
        assertThat(api.read(editor, JOURNEYS, ws).get("items")).hasSize(1);
    }

    @Test
    void journeyFieldsAreCheckedAgainstTheirRanges() throws Exception {
        expectInvalid(api.post(editor, JOURNEYS, "{\"name\":\"x\",\"reviewEveryDays\":0}", ws), "reviewEveryDays");
        expectInvalid(api.post(editor, JOURNEYS, "{\"name\":\"x\",\"reviewEveryDays\":3651}", ws), "reviewEveryDays");
        expectInvalid(api.post(editor, JOURNEYS, "{\"name\":\"x\",\"state\":\"past\"}", ws), "state");
        expectNotFound(api.post(editor, JOURNEYS, "{\"name\":\"x\",\"personaId\":\"%s\"}".formatted(UUID.randomUUID()), ws),
                "personaId");
        expectInvalid(api.post(editor, JOURNEYS, "{\"name\":\"x\",\"personaId\":\"not-a-uuid\"}", ws), "personaId");

        assertThat(api.read(editor, JOURNEYS, ws).get("items")).hasSize(1);
    }

    @Test
    void blueprintLanesNeedTheirText() throws Exception {
        expectInvalid(api.post(editor, TOUCHPOINTS, touchpoint("\"backstage\":{\"owningTeam\":\"Ops\"}"), ws, journey, stage),
                "backstage.text");
        expectInvalid(api.post(editor, JOURNEY + "/stages", "{\"name\":\"x\",\"position\":-1}", ws, journey), "position");
    }

    @Test
    void notesAreCheckedAgainstTheirRangesAndTheMap() throws Exception {
        expectInvalid(api.post(editor, JOURNEY + "/painPoints", "{\"title\":\"x\",\"severity\":6}", ws, journey), "severity");
        expectInvalid(api.post(editor, JOURNEY + "/painPoints", "{\"title\":\"x\"}", ws, journey), "severity");
        expectInvalid(api.post(editor, JOURNEY + "/painPoints",
                "{\"title\":\"x\",\"severity\":2,\"stageId\":\"%s\"}".formatted(UUID.randomUUID()), ws, journey), "stageId");
        expectInvalid(api.post(editor, JOURNEY + "/painPoints",
                "{\"title\":\"x\",\"severity\":2,\"touchpointId\":\"%s\"}".formatted(UUID.randomUUID()), ws, journey),
                "touchpointId");
        expectInvalid(api.post(editor, JOURNEY + "/opportunities",
                "{\"title\":\"x\",\"impact\":0,\"effort\":1}", ws, journey), "impact");
        expectInvalid(api.post(editor, JOURNEY + "/opportunities",
                "{\"title\":\"x\",\"impact\":1,\"effort\":1,\"status\":\"someday\"}", ws, journey), "status");
        expectInvalid(api.post(editor, JOURNEY + "/opportunities",
                "{\"title\":\"x\",\"impact\":1,\"effort\":1,\"painPointId\":\"%s\"}".formatted(UUID.randomUUID()), ws, journey),
                "painPointId");
        expectInvalid(api.post(editor, JOURNEY + "/evidence", "{\"kind\":\"rumour\",\"text\":\"x\"}", ws, journey), "kind");
        expectInvalid(api.post(editor, JOURNEY + "/evidence",
                "{\"kind\":\"data\",\"text\":\"x\",\"link\":\"javascript:alert(1)\"}", ws, journey), "link");

        JsonNode map = api.read(editor, JOURNEY, ws, journey);
        assertThat(map.get("painPoints")).isEmpty();
        assertThat(map.get("opportunities")).isEmpty();
        assertThat(map.get("evidence")).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemToo() throws Exception {
        api.post(editor, JOURNEYS, "{\"name\": ", ws)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(api.read(editor, JOURNEYS, ws).get("items")).hasSize(1);
    }

    private void expectNotFound(ResultActions result, String field) throws Exception {
        result.andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/not-found"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    private void expectInvalid(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    private String touchpoint(String extra) {
        return "{\"name\":\"Card form\",\"channelId\":\"%s\",%s}".formatted(channel, extra);
    }

    private int touchpointsOnMap() throws Exception {
        return api.read(editor, JOURNEY, ws, journey).get("stages").get(0).get("touchpoints").size();
    }
}
