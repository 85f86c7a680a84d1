package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The journey-map editor in headless Chromium: a 5-stage map with 3 touchpoints each, built by clicking, survives a reload. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapEditorWebE2ETest {

    Stack stack;

    @BeforeAll
    void startPlatform() throws Exception {
        stack = Stack.shared();
    }

    @Test
    void aFiveStageMapWithThreeTouchpointsEachBuiltInTheEditorIsThereAfterAReload() throws Exception {
        String slug = "maps-" + Long.toString(System.currentTimeMillis(), 36);
        Agencies.ClientWorkspace client = Agencies.withClientMember(slug, "client-editor");
        Path shots = Files.createDirectories(stack.logs().resolve("map-editor"));

        JsonNode run = Browser.run("map-builder.mjs", Duration.ofMinutes(6), client.memberUsername(),
                client.memberTemporaryPassword(), "Pw-" + slug + "-editor", client.workspaceId(), shots.toString());

        List<String> expected = new ArrayList<>();
        for (String stage : List.of("Discover", "Choose", "Buy", "Receive", "Get help")) {
            expected.add(stage + ": " + stage + " 1 @ Online, " + stage + " 2 @ Store, " + stage + " 3 @ Phone");
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode stage : run.get("stages")) {
            List<String> touchpoints = new ArrayList<>();
            stage.get("touchpoints").forEach(t -> touchpoints.add(t.asString()));
            actual.add(stage.get("name").asString() + ": " + String.join(", ", touchpoints));
        }
        assertThat(actual).as("stages and touchpoints, in order, as stored").containsExactlyElementsOf(expected);
        assertThat(run.get("missingOnPage")).as("names not shown after the reload").isEmpty();
    }
}
