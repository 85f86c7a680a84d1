package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/** A map holds at most 50 stages and 1,200 touchpoints: one more is a 400 naming the cap, and nothing is written. */
class MapCapsIT extends MappingIntegrationTest {

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
    void theFiftyFirstStageIsRefused() throws Exception {
        UUID journey = maps.journey("Long");
        asWorkspace(() -> jdbc.sql("""
                insert into stage (tenant_id, workspace_id, id, journey_id, name, position)
                select ?, ?, gen_random_uuid(), ?, 'Stage ' || n, n from generate_series(0, 49) n""")
                .params(workspace.tenantId(), ws(), journey).update());

        api.post(editor, JOURNEY + "/stages", "{\"name\":\"One too many\"}", ws(), journey)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("stages"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("50")));

        assertThat(api.read(editor, JOURNEY, ws(), journey).get("stages")).hasSize(50);
    }

    @Test
    void theTwelveHundredFirstTouchpointIsRefusedWhateverItsStage() throws Exception {
        UUID journey = maps.journey("Busy");
        UUID full = maps.stage(journey, "Full");
        UUID empty = maps.stage(journey, "Empty");
        asWorkspace(() -> jdbc.sql("""
                insert into touchpoint (tenant_id, workspace_id, id, journey_id, stage_id, name, expected_emotion, position)
                select ?, ?, gen_random_uuid(), ?, ?, 'Touchpoint ' || n, 0, n from generate_series(0, 1199) n""")
                .params(workspace.tenantId(), ws(), journey, full).update());

        api.post(editor, JOURNEY + "/stages/{s}/touchpoints", "{\"name\":\"One too many\"}", ws(), journey, empty)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("1200")));

        assertThat(api.read(editor, JOURNEY, ws(), journey).get("stages").get(1).get("touchpoints")).isEmpty();
    }

    @Test
    void aFileOverACapCreatesNothing() throws Exception {
        String stages = "{\"name\":\"Wide\",\"stages\":[" + String.join(",", Collections.nCopies(51, "{\"name\":\"s\"}")) + "]}";
        String touchpoint = "{\"name\":\"t\"}";
        String stage = "{\"name\":\"s\",\"touchpoints\":[" + String.join(",", Collections.nCopies(101, touchpoint)) + "]}";
        String touchpoints = "{\"name\":\"Deep\",\"stages\":[" + String.join(",", Collections.nCopies(12, stage)) + "]}";

        api.post(editor, IMPORT, stages, ws()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stages"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("50")));
        api.post(editor, IMPORT, touchpoints, ws()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("1200")));

        assertThat(api.read(editor, "/api/workspaces/{ws}/journeys", ws()).get("items")).isEmpty();
    }

    @Test
    void aTemplateOverACapInstantiatesNothing() throws Exception {
        // a template saved from a map built before the caps existed
        String touchpoint = "{\"name\":\"t\"}";
        String stage = "{\"name\":\"s\",\"touchpoints\":[" + String.join(",", Collections.nCopies(601, touchpoint)) + "]}";
        String map = "{\"name\":\"Legacy\",\"stages\":[" + stage + "," + stage + "]}";
        UUID template = UUID.randomUUID();
        TenantContextHolder.runAs(TenantContext.ofTenant(workspace.tenantId()), () -> jdbc.sql("""
                insert into journey_template (tenant_id, id, name, source_workspace_id, source_journey_id, map, created_by)
                values (?, ?, 'Legacy', ?, ?, cast(? as jsonb), 'test')""")
                .params(workspace.tenantId(), template, ws(), UUID.randomUUID(), map).update());

        api.post(editor, "/api/workspaces/{ws}/journeys?fromTemplate={t}", "{}", ws(), template)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("touchpoints"));

        assertThat(api.read(editor, "/api/workspaces/{ws}/journeys", ws()).get("items")).isEmpty();
    }

    private void asWorkspace(Runnable work) {
        TenantContextHolder.runAs(TenantContext.ofWorkspace(workspace.tenantId(), ws()), work);
    }

    private UUID ws() {
        return workspace.workspaceId();
    }
}
