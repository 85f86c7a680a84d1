package com.waymark.mapping.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Api;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.test.Tenancy;

class PersonaIT extends MappingIntegrationTest {

    private static final String PERSONAS = "/api/workspaces/{ws}/personas";
    private static final String PERSONA = PERSONAS + "/{p}";


    UUID ws;
    String editor;

    @BeforeEach
    void setUp() {
        Tenancy tenancy = new Tenancy(access);
        Tenancy.Workspace workspace = tenancy.newWorkspace();
        ws = workspace.workspaceId();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
    }

    @Test
    void aPersonaIsCreatedReadChangedAndListed() throws Exception {
        JsonNode created = api.create(editor, PERSONAS, "{\"name\":\"Bargain hunter\",\"description\":\"Compares prices\"}", ws);
        UUID id = Api.id(created);

        api.get(editor, PERSONA, ws, id).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Bargain hunter"))
                .andExpect(jsonPath("$.description").value("Compares prices"));
        api.patch(editor, PERSONA, "{\"description\":null}", ws, id).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Bargain hunter"))
                .andExpect(jsonPath("$.description").isEmpty());
        api.create(editor, PERSONAS, "{\"name\":\"First-time buyer\"}", ws);

        JsonNode page = api.read(editor, PERSONAS + "?limit=1", ws);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("Bargain hunter");
        JsonNode next = api.read(editor, PERSONAS + "?limit=1&cursor=" + page.get("nextCursor").asString(), ws);
        assertThat(next.get("items").get(0).get("name").asString()).isEqualTo("First-time buyer");
        assertThat(next.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void deletingAPersonaKeepsItsJourneysWithoutAPersona() throws Exception {
        UUID persona = Api.id(api.create(editor, PERSONAS, "{\"name\":\"Commuter\"}", ws));
        UUID journey = Api.id(api.create(editor, "/api/workspaces/{ws}/journeys",
                "{\"name\":\"Daily ticket\",\"personaId\":\"%s\"}".formatted(persona), ws));

        api.call(editor, HttpMethod.DELETE, PERSONA, null, ws, persona).andExpect(status().isNoContent());

        api.get(editor, PERSONA, ws, persona).andExpect(status().isNotFound());
        api.call(editor, HttpMethod.DELETE, PERSONA, null, ws, persona).andExpect(status().isNotFound());
        JsonNode map = api.read(editor, "/api/workspaces/{ws}/journeys/{j}", ws, journey);
        assertThat(map.get("name").asString()).isEqualTo("Daily ticket");
        assertThat(map.get("personaId").isNull()).isTrue();
    }
}
