package com.waymark.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Headless Chromium driven by the scripts in {@code e2e/browser/} (playwright-core, Debian's chromium). */
final class Browser {

    private Browser() {
    }

    static JsonNode login(String username, String password, String newPassword, String expectedText, Path screenshot)
            throws IOException, InterruptedException {
        return run("login.mjs", Duration.ofMinutes(3), username, password, newPassword, expectedText, screenshot.toString());
    }

    /**
     * Runs {@code e2e/browser/<script> <gateway> <args…>}; the script prints one JSON line whose {@code ok}
     * says whether the scenario went through (otherwise {@code step} and {@code error} say where it stopped).
     */
    static JsonNode run(String script, Duration timeout, String... args) throws IOException, InterruptedException {
        Path path = Path.of(System.getProperty("waymark.repo", "..")).resolve("e2e/browser").resolve(script);
        List<String> command = new ArrayList<>(List.of("node", path.toString(), Stack.GATEWAY));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " timed out after " + timeout);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String lastLine = out.isEmpty() ? "{}" : out.substring(out.lastIndexOf('\n') + 1);
        JsonNode result = Http.JSON.readTree(lastLine);
        if (!result.path("ok").asBoolean(false)) {
            throw new AssertionError(script + " failed: " + out + "\n" + err);
        }
        return result;
    }
}
