package com.waymark.mapping.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.Api;
import com.waymark.mapping.Maps;
import com.waymark.mapping.MappingIntegrationTest;
import com.waymark.platform.access.Role;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.test.Tenancy;

class ChannelIT extends MappingIntegrationTest {

    private static final String CHANNELS = "/api/workspaces/{ws}/channels";
    private static final List<String> USUAL = List.of("Online", "Store", "Phone", "Email", "Social", "Mobile app");

    @Autowired
    RabbitTemplate rabbit;

    Tenancy.Workspace workspace;
    String editor;

    @BeforeEach
    void setUp() {
        workspace = tenancy.newWorkspace();
        editor = tenancy.member(workspace, Role.CLIENT_EDITOR);
    }

    @Test
    void aNewWorkspaceStartsWithTheUsualChannels() {
        EventEnvelope created = workspaceCreated(workspace);
        publish(created);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(channelNames(workspace)).isEqualTo(USUAL));
    }

    @Test
    void aWorkspaceAnnouncedAgainIsNotSeededAgain() throws Exception {
        EventEnvelope created = workspaceCreated(workspace);
        publish(created);
        await().atMost(Duration.ofSeconds(15)).until(() -> channelNames(workspace).size() == USUAL.size());
        UUID online = Api.id(api.read(editor, CHANNELS, workspace.workspaceId()).get("items").get(0));
        api.patch(editor, CHANNELS + "/{c}", "{\"name\":\"Website\"}", workspace.workspaceId(), online)
                .andExpect(status().isOk());

        publish(created); // redelivered as is
        publish(workspaceCreated(workspace)); // announced again under a new event id
        // one consumer handles the queue in order: once a later workspace is seeded, the repeats were handled
        Tenancy.Workspace later = tenancy.newWorkspace();
        String laterEditor = tenancy.member(later, Role.CLIENT_EDITOR);
        publish(workspaceCreated(later));
        await().atMost(Duration.ofSeconds(15)).until(() -> names(api.read(laterEditor, CHANNELS, later.workspaceId())).size() == 6);

        assertThat(channelNames(workspace)).containsExactly("Website", "Store", "Phone", "Email", "Social", "Mobile app");
    }

    @Test
    void aChannelNameIsUniqueInItsWorkspaceWhateverTheCase() throws Exception {
        api.post(editor, CHANNELS, "{\"name\":\"Kiosk\"}", workspace.workspaceId())
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.containsString("/channels/")))
                .andExpect(jsonPath("$.name").value("Kiosk"));
        api.post(editor, CHANNELS, "{\"name\":\"kiosk\"}", workspace.workspaceId())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://waymark.dev/problems/conflict"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        UUID chat = Api.id(api.create(editor, CHANNELS, "{\"name\":\"Chat\"}", workspace.workspaceId()));
        api.patch(editor, CHANNELS + "/{c}", "{\"name\":\"KIOSK\"}", workspace.workspaceId(), chat)
                .andExpect(status().isConflict());
        // another workspace may use the same name
        Tenancy.Workspace other = tenancy.workspaceIn(workspace.tenantId());
        api.post(tenancy.member(other, Role.CLIENT_EDITOR), CHANNELS, "{\"name\":\"Kiosk\"}", other.workspaceId())
                .andExpect(status().isCreated());

        assertThat(channelNames(workspace)).containsExactly("Kiosk", "Chat");
    }

    @Test
    void aChannelInUseCannotBeDeleted() throws Exception {
        Maps maps = new Maps(api, workspace, editor);
        UUID store = maps.channel("Store");
        UUID unused = maps.channel("Fax");
        UUID journey = maps.journey("Visit");
        maps.touchpoint(journey, maps.stage(journey, "Arrive"), "Parking", store);

        api.call(editor, HttpMethod.DELETE, CHANNELS + "/{c}", null, workspace.workspaceId(), store)
                .andExpect(status().isConflict());
        api.call(editor, HttpMethod.DELETE, CHANNELS + "/{c}", null, workspace.workspaceId(), unused)
                .andExpect(status().isNoContent());

        assertThat(channelNames(workspace)).containsExactly("Store");
        api.get(editor, CHANNELS + "/{c}", workspace.workspaceId(), unused).andExpect(status().isNotFound());
    }

    private EventEnvelope workspaceCreated(Tenancy.Workspace created) {
        return new EventEnvelope(Uuids.timeOrdered(), EventTypes.WORKSPACE_CREATED, 1, Instant.now(), created.tenantId(),
                created.workspaceId(), json.valueToTree(new WorkspaceCreated(created.workspaceId(), created.tenantId(),
                        "Contoso Retail", "contoso-" + created.workspaceId(), null)));
    }

    private void publish(EventEnvelope event) {
        rabbit.send("cx.events", event.type(), MessageBuilder.withBody(json.writeValueAsBytes(event))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON).build());
    }

    private List<String> channelNames(Tenancy.Workspace of) throws Exception {
        return names(api.read(editor, CHANNELS, of.workspaceId()));
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("name").asString()).toList();
    }
}
