package com.waymark.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Headless Chromium driven by {@code e2e/browser/login.mjs} (playwright-core, Debian's chromium). */
final class Browser {

    private Browser() {
    }

    static JsonNode login(String username, String password, String newPassword, String expectedText, Path screenshot)
            throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("waymark.repo", "..")).resolve("e2e/browser/login.mjs");
        List<String> command = new ArrayList<>(List.of("node", script.toString(), Stack.GATEWAY, username, password,
                newPassword, expectedText, screenshot.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("browser login of " + username + " timed out");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String lastLine = out.isEmpty() ? "{}" : out.substring(out.lastIndexOf('\n') + 1);
        JsonNode result = Http.JSON.readTree(lastLine);
        if (!result.path("ok").asBoolean(false)) {
            throw new AssertionError("browser login of " + username + " failed: " + out + "\n" + err);
        }
        return result;
    }
}
