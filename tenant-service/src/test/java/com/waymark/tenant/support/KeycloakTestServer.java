package com.waymark.tenant.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests, started once per test JVM from the official distribution the build
 * unpacked into {@code target/keycloak} (pom: {@code unpack-keycloak}), with the project's realm
 * imported into a fresh dev-file database, and stopped (with its whole process tree) at JVM exit.
 */
public final class KeycloakTestServer {

    public static final String ADMIN_USERNAME = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-" + UUID.randomUUID();
    /** The first start runs Keycloak's build step; a busy 2-core machine needs a generous bound. */
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private static String url;
    private static Process process;
    private static Path pidFile;

    private KeycloakTestServer() {
    }

    /** Base URL of the running Keycloak (started on first use). */
    public static synchronized String url() {
        if (url == null) {
            start();
        }
        return url;
    }

    private static void start() {
        Path home = Path.of(System.getProperty("waymark.test.keycloak.home", "target/keycloak/keycloak-26.5.2")).toAbsolutePath();
        Path realm = Path.of(System.getProperty("waymark.test.keycloak.realm", "../infra/keycloak/waymark-realm.json")).toAbsolutePath();
        Path launcher = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the build (mvn verify), whose "
                    + "unpack-keycloak step unpacks org.keycloak:keycloak-quarkus-dist there");
        }
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("No realm file at " + realm);
        }
        pidFile = home.resolveSibling("keycloak-test.pid");
        Path log = home.resolveSibling("keycloak-test.log");
        stopLeftoverOf(pidFile, home);
        try {
            // a fresh dev-file database every run: --import-realm skips a realm that already exists
            Path data = home.resolve("data");
            for (String stale : List.of("h2", "import", "transaction-logs")) {
                deleteRecursively(data.resolve(stale));
            }
            Files.createDirectories(data.resolve("import"));
            Files.writeString(data.resolve("import/waymark-realm.json"), withIdentityProviderRoles(Files.readString(realm)));
            int httpPort = freePort();
            int managementPort = freePort();
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--health-enabled=true", "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakTestServer::stop, "keycloak-test-stop"));
            awaitReady(managementPort, log);
            url = "http://127.0.0.1:" + httpPort;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    /**
     * Single sign-on needs the service account to manage identity providers, which {@code manage-realm}
     * does not cover in Keycloak. Until {@code infra/keycloak/waymark-realm.json} grants
     * {@code manage-identity-providers} and {@code view-identity-providers} itself, the test copy adds them
     * next to {@code manage-realm} (the service account is the only holder of it); a no-op once it does.
     */
    static String withIdentityProviderRoles(String realmJson) {
        if (realmJson.contains("\"manage-identity-providers\"")) {
            return realmJson;
        }
        return realmJson.replaceFirst("\"manage-realm\",",
                "\"manage-realm\", \"manage-identity-providers\", \"view-identity-providers\",");
    }

    private static void awaitReady(int managementPort, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await("Keycloak ready").atMost(STARTUP_LIMIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + process.exitValue());
                        }
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("Keycloak did not become ready; its log ends with:\n" + tail(log), e);
        }
    }

    /** Stops Keycloak and every process it started (kc.sh runs the server JVM as a child). */
    static synchronized void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(running.descendants(), Stream.of(running.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is checked before the next start
        }
    }

    /** A Keycloak this harness started in an earlier run that could not stop it (e.g. a killed JVM). */
    private static void stopLeftoverOf(Path pidFile, Path home) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
                    .ifPresent(handle -> {
                        handle.descendants().forEach(ProcessHandle::destroy);
                        handle.destroy();
                        handle.onExit().join();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // nothing to clean up
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
