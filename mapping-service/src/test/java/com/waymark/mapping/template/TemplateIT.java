package com.waymark.mapping.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
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
import com.waymark.platform.tenancy.TenantContext;
import com.waymark.platform.tenancy.TenantContextHolder;
import com.waymark.platform.test.Tenancy;

/**
 * An agency saves a journey of one workspace as a template and instantiates it into another; nobody
 * outside the agency sees or uses its templates, and clients cannot reach the agency-level endpoints.
 */
class TemplateIT extends MappingIntegrationTest {

    private static final String TEMPLATES = "/api/tenants/{tenant}/journey-templates";
    private static final String TEMPLATE = TEMPLATES + "/{id}";
    private static final String FROM_TEMPLATE = "/api/workspaces/{ws}/journeys?fromTemplate={id}";


    Tenancy.Workspace source;
    Tenancy.Workspace target;
    String agencyAdmin;
    String editor;
    UUID journey;
    UUID arrive;

    @BeforeEach
    void setUp() throws Exception {
        source = tenancy.newWorkspace();
        target = tenancy.workspaceIn(source.tenantId());
        agencyAdmin = tenancy.member(source, Role.AGENCY_ADMIN);
        editor = tenancy.member(source, Role.CLIENT_EDITOR);
        Maps maps = new Maps(api, source, editor);
        UUID kiosk = maps.channel("Kiosk");
        UUID online = maps.channel("Online");
        journey = maps.journey("Hotel stay");
        arrive = maps.stage(journey, "Arrive");
        UUID stay = maps.stage(journey, "Stay");
        UUID checkIn = maps.touchpoint(journey, arrive, "Check-in", kiosk);
        maps.touchpoint(journey, stay, "Room service app", online);
        api.create(editor, "/api/workspaces/{ws}/journeys/{j}/painPoints",
                "{\"title\":\"Queue\",\"severity\":4,\"touchpointId\":\"%s\"}".formatted(checkIn), source.workspaceId(), journey);
    }

    @Test
    void aJourneySavedAsTemplateIsInstantiatedIntoAnotherWorkspaceOfTheAgency() throws Exception {
        MvcResult saved = api.post(agencyAdmin, TEMPLATES, """
                {"journeyId":"%s","workspaceId":"%s","name":"Hotel stay (standard)","description":"Our usual hotel map"}"""
                .formatted(journey, source.workspaceId()), tenant())
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.containsString("/journey-templates/")))
                .andExpect(jsonPath("$.name").value("Hotel stay (standard)"))
                .andExpect(jsonPath("$.createdBy").value(agencyAdmin))
                .andExpect(jsonPath("$.sourceJourneyId").value(journey.toString()))
                .andExpect(jsonPath("$.map.stages[0].touchpoints[0].name").value("Check-in"))
                .andReturn();
        UUID template = Api.id(json.readTree(saved.getResponse().getContentAsString()));

        // the template is a copy: later changes to the journey do not reach it
        api.patch(editor, "/api/workspaces/{ws}/journeys/{j}/stages/{s}", "{\"name\":\"Arrival\"}", source.workspaceId(), journey, arrive);
        assertThat(api.read(agencyAdmin, TEMPLATE, tenant(), template).get("map").get("stages").get(0).get("name").asString())
                .isEqualTo("Arrive");
        JsonNode list = api.read(agencyAdmin, TEMPLATES, tenant()).get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("Hotel stay (standard)");
        assertThat(list.get(0).has("map")).as("lists leave the maps out").isFalse();

        String targetEditor = tenancy.member(target, Role.CLIENT_EDITOR);
        UUID existingOnline = new Maps(api, target, targetEditor).channel("online");
        MvcResult created = api.post(targetEditor, FROM_TEMPLATE, "{\"name\":\"Hotel stay Berlin\"}", target.workspaceId(), template)
                .andExpect(status().isCreated())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andReturn();
        JsonNode map = json.readTree(created.getResponse().getContentAsString());
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .endsWith("/api/workspaces/" + target.workspaceId() + "/journeys/" + Api.id(map));
        assertThat(map.get("name").asString()).isEqualTo("Hotel stay Berlin");
        assertThat(map.get("stages").get(0).get("name").asString()).isEqualTo("Arrive");
        assertThat(map.get("stages").get(1).get("touchpoints").get(0).get("channelId").asString()).isEqualTo(existingOnline.toString());
        assertThat(map.get("painPoints").get(0).get("touchpointId").asString())
                .isEqualTo(map.get("stages").get(0).get("touchpoints").get(0).get("id").asString());
        List<String> channels = new ArrayList<>();
        api.read(targetEditor, "/api/workspaces/{ws}/channels", target.workspaceId()).get("items")
                .forEach(channel -> channels.add(channel.get("name").asString()));
        assertThat(channels).containsExactlyInAnyOrder("online", "Kiosk");

        // without a body it keeps the template's journey name; the source workspace can use it too
        JsonNode again = api.create(editor, "/api/workspaces/{ws}/journeys?fromTemplate=" + template, "", source.workspaceId());
        assertThat(again.get("name").asString()).isEqualTo("Hotel stay");
    }

    @Test
    void agencyStaffUseTemplatesButClientsCannotReachTheAgencyEndpoints() throws Exception {
        String staff = tenancy.member(source, Role.AGENCY_STAFF);
        UUID template = save(staff);
        assertThat(api.read(staff, TEMPLATES, tenant()).get("items")).hasSize(1);

        for (String client : List.of(editor, tenancy.member(source, Role.CLIENT_ADMIN), tenancy.member(target, Role.CLIENT_ADMIN))) {
            api.get(client, TEMPLATES, tenant()).andExpect(status().isNotFound());
            api.get(client, TEMPLATE, tenant(), template).andExpect(status().isNotFound());
            api.post(client, TEMPLATES, body(journey, source.workspaceId(), "x"), tenant()).andExpect(status().isNotFound());
        }
        String viewer = tenancy.member(target, Role.CLIENT_VIEWER);
        api.post(viewer, FROM_TEMPLATE, "{}", target.workspaceId(), template).andExpect(status().isForbidden());
        assertThat(api.read(viewer, "/api/workspaces/{ws}/journeys", target.workspaceId()).get("items")).isEmpty();
    }

    @Test
    void anotherAgencyFindsNothingOfTheTemplatesAndCannotSaveOurJourneys() throws Exception {
        UUID template = save(agencyAdmin);
        Tenancy.Workspace foreign = tenancy.newWorkspace();
        String foreignAdmin = tenancy.member(foreign, Role.AGENCY_ADMIN);
        UUID foreignTemplate = saveOwn(foreign, foreignAdmin);

        List<String> unexpected = new ArrayList<>();
        // our tenant in the path
        expect404(foreignAdmin, HttpMethod.GET, TEMPLATES.replace("{tenant}", tenant().toString()), null, unexpected);
        expect404(foreignAdmin, HttpMethod.GET, TEMPLATE.replace("{tenant}", tenant().toString()).replace("{id}", template.toString()), null, unexpected);
        expect404(foreignAdmin, HttpMethod.POST, TEMPLATES.replace("{tenant}", tenant().toString()),
                body(journey, source.workspaceId(), "x"), unexpected);
        // their own tenant in the path, our ids
        String own = TEMPLATES.replace("{tenant}", foreign.tenantId().toString());
        expect404(foreignAdmin, HttpMethod.GET, own + "/" + template, null, unexpected);
        expect404(foreignAdmin, HttpMethod.POST, own, body(journey, source.workspaceId(), "stolen"), unexpected);
        expect404(foreignAdmin, HttpMethod.POST, own, body(journey, foreign.workspaceId(), "stolen"), unexpected);
        // our template into their workspace, or into ours
        expect404(foreignAdmin, HttpMethod.POST, "/api/workspaces/" + foreign.workspaceId() + "/journeys?fromTemplate=" + template, "{}", unexpected);
        expect404(foreignAdmin, HttpMethod.POST, "/api/workspaces/" + source.workspaceId() + "/journeys?fromTemplate=" + template, "{}", unexpected);
        // and their template into our workspace, by our own editor
        expect404(editor, HttpMethod.POST, "/api/workspaces/" + source.workspaceId() + "/journeys?fromTemplate=" + foreignTemplate, "{}", unexpected);
        assertThat(unexpected).as("answers other than 404").isEmpty();

        assertThat(ids(api.read(foreignAdmin, TEMPLATES, foreign.tenantId()))).containsExactly(foreignTemplate);
        assertThat(ids(api.read(agencyAdmin, TEMPLATES, tenant()))).containsExactly(template);
        assertThat(api.read(foreignAdmin, "/api/workspaces/{ws}/journeys", foreign.workspaceId()).get("items")).hasSize(1);
        assertThat(api.read(editor, "/api/workspaces/{ws}/journeys", source.workspaceId()).get("items")).hasSize(1);
        // the table itself, without a WHERE clause, shows a tenant only its own templates
        List<UUID> visible = TenantContextHolder.callAs(TenantContext.ofTenant(foreign.tenantId()),
                () -> jdbc.sql("select tenant_id from journey_template").query(UUID.class).list());
        assertThat(visible).containsOnly(foreign.tenantId());
        List<UUID> fromWorkspace = TenantContextHolder.callAs(TenantContext.ofWorkspace(foreign.tenantId(), foreign.workspaceId()),
                () -> jdbc.sql("select tenant_id from journey_template").query(UUID.class).list());
        assertThat(fromWorkspace).containsOnly(foreign.tenantId());
        List<UUID> noContext = jdbc.sql("select tenant_id from journey_template").query(UUID.class).list();
        assertThat(noContext).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        api.post(agencyAdmin, TEMPLATES, "{\"workspaceId\":\"%s\",\"name\":\"x\"}".formatted(source.workspaceId()), tenant())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("journeyId")));
        api.post(agencyAdmin, TEMPLATES, body(journey, source.workspaceId(), " "), tenant())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        api.post(agencyAdmin, TEMPLATES, "{\"journeyId\":\"nope\",\"workspaceId\":\"%s\",\"name\":\"x\"}".formatted(source.workspaceId()),
                tenant()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("journeyId")));
        api.post(agencyAdmin, TEMPLATES, body(UUID.randomUUID(), source.workspaceId(), "x"), tenant()).andExpect(status().isNotFound());
        assertThat(api.read(agencyAdmin, TEMPLATES, tenant()).get("items")).isEmpty();

        UUID template = save(agencyAdmin);
        String targetEditor = tenancy.member(target, Role.CLIENT_EDITOR);
        api.post(targetEditor, FROM_TEMPLATE, "{\"name\":\"\"}", target.workspaceId(), template)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        api.post(targetEditor, FROM_TEMPLATE, "{\"colour\":\"red\"}", target.workspaceId(), template)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("colour")));
        api.post(targetEditor, FROM_TEMPLATE, "{\"name\":7}", target.workspaceId(), template)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        api.post(targetEditor, "/api/workspaces/{ws}/journeys?fromTemplate=nope", "{}", target.workspaceId())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("fromTemplate")));
        api.post(targetEditor, FROM_TEMPLATE, "{}", target.workspaceId(), UUID.randomUUID()).andExpect(status().isNotFound());
        assertThat(api.read(targetEditor, "/api/workspaces/{ws}/journeys", target.workspaceId()).get("items")).isEmpty();
        assertThat(api.read(targetEditor, "/api/workspaces/{ws}/channels", target.workspaceId()).get("items")).isEmpty();
    }

    private UUID save(String user) throws Exception {
        return Api.id(api.create(user, TEMPLATES, body(journey, source.workspaceId(), "Hotel"), tenant()));
    }

    private UUID saveOwn(Tenancy.Workspace workspace, String admin) throws Exception {
        UUID own = new Maps(api, workspace, admin).journey("Theirs");
        return Api.id(api.create(admin, TEMPLATES, body(own, workspace.workspaceId(), "Theirs"), workspace.tenantId()));
    }

    private static String body(UUID journeyId, UUID workspaceId, String name) {
        return "{\"journeyId\":\"%s\",\"workspaceId\":\"%s\",\"name\":\"%s\"}".formatted(journeyId, workspaceId, name);
    }

    private void expect404(String user, HttpMethod method, String path, String body, List<String> unexpected) throws Exception {
        MvcResult result = api.call(user, method, path, body).andReturn();
        if (result.getResponse().getStatus() != 404) {
            unexpected.add(method + " " + path + " → " + result.getResponse().getStatus() + " " + result.getResponse().getContentAsString());
        }
    }

    private static List<UUID> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(Api::id).toList();
    }

    private UUID tenant() {
        return source.tenantId();
    }
}
