package com.waymark.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * "A new agency can be provisioned, used and deleted through the web app alone": every step is a person
 * clicking in headless Chromium ({@code e2e/browser/agency-lifecycle.mjs}); the test only checks the outcome
 * from outside — through the API and by counting the rows left in every service's database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyLifecycleWebE2ETest {

    Stack stack;

    @BeforeAll
    void startPlatform() throws Exception {
        stack = Stack.shared();
    }

    @Test
    void anAgencyIsProvisionedUsedAndDeletedThroughTheWebAppAlone() throws Exception {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        Path shots = Files.createDirectories(stack.logs().resolve("agency-lifecycle"));

        JsonNode run = Browser.run("agency-lifecycle.mjs", Duration.ofMinutes(6), "admin",
                System.getenv().getOrDefault("WAYMARK_DEMO_PASSWORD", "demo"), suffix, shots.toString());

        UUID tenantId = UUID.fromString(run.get("tenantId").asString());
        assertThat(run.get("workspaceId").asString()).isNotBlank();
        assertThat(run.get("journeyId").asString()).isNotBlank();
        assertThat(run.get("purge").asString()).as("the purge table lists every service as done")
                .contains("tenant-service", "mapping-service", "feedback-service", "metrics-service")
                .doesNotContain("Pending");
        assertThat(run.get("editorSees").asString()).as("the deleted agency's editor sees none of its data")
                .doesNotContain("Book a room, check in");

        Map<String, Long> left = Databases.rowsOfTenant(tenantId);
        // only deletion bookkeeping may remain: ids and timestamps, no content
        left.keySet().removeIf(table -> table.endsWith(".outbox") || table.contains("audit") || table.contains("deletion"));
        assertThat(left).as("rows of the deleted agency left behind").isEmpty();
    }
}
