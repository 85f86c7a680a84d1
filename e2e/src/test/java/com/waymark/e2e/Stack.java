package com.waymark.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as real processes, started and stopped through the project's own launcher
 * ({@code CX_PROFILE=e2e ./cx up}): fresh Keycloak database and realm, fresh service databases and
 * RabbitMQ vhost, ports 18080–18084 and 18180, so a developer's running demo is left alone.
 */
final class Stack {

    static final String GATEWAY = "http://localhost:18080";
    static final String KEYCLOAK = "http://localhost:18180";

    private static Stack shared;

    private final Path repo;
    private final Path logs;

    /**
     * The one platform of this test run: started by the first suite that asks, stopped when the JVM
     * exits, so several suites share one start-up (about a minute and a half here).
     */
    static synchronized Stack shared() throws IOException, InterruptedException {
        if (shared == null) {
            Stack stack = new Stack();
            stack.up();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stack.down();
                } catch (IOException e) {
                    System.err.println("Could not stop the e2e stack: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            shared = stack;
        }
        return shared;
    }

    private Stack() {
        this.repo = Path.of(System.getProperty("waymark.repo", "..")).toAbsolutePath().normalize();
        this.logs = repo.resolve("e2e/target/stack");
    }

    void up() throws IOException, InterruptedException {
        run("up.log", 15, "./cx", "up", "--no-build", "--no-demo");
    }

    void down() throws IOException, InterruptedException {
        run("down.log", 3, "./cx", "down");
    }

    Path logs() {
        return logs;
    }

    private void run(String log, int minutes, String... command) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        File output = logs.resolve(log).toFile();
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(output);
        builder.environment().put("CX_PROFILE", "e2e");
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + minutes + " min; see " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(output.toPath()));
        }
    }
}
