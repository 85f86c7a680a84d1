package com.waymark.platform.test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real local PostgreSQL and RabbitMQ, prepared per test run: a fresh database per service and a
 * fresh RabbitMQ vhost, both named after this run and removed when the JVM exits. Nothing depends on
 * what an earlier run left behind.
 */
public final class TestInfrastructure {

    public static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN_URL = env("WAYMARK_TEST_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String ADMIN_USER = env("WAYMARK_TEST_PG_ADMIN_USER", "postgres");
    static final String PG_HOST_URL = env("WAYMARK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");

    private static final Map<String, String> databases = new HashMap<>();
    private static String vhost;

    private TestInfrastructure() {
    }

    /** JDBC URL of this run's database for {@code service}, created on first use. */
    public static synchronized String databaseUrl(String service) {
        String name = databases.get(service);
        if (name == null) {
            name = "wm_t_" + service.replaceAll("[^a-z0-9]", "_") + "_" + RUN_ID;
            createDatabase(name);
            databases.put(service, name);
            String dropped = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(dropped)));
        }
        return PG_HOST_URL + name;
    }

    /** This run's RabbitMQ vhost, created on first use. */
    public static synchronized String vhost() {
        if (vhost == null) {
            String name = "wm-t-" + RUN_ID;
            rabbitmqctl("add_vhost", name);
            rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
            vhost = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> rabbitmqctl("delete_vhost", name)));
        }
        return vhost;
    }

    /** A connection as the superuser, for tests that inspect what the application role cannot. */
    public static Connection adminConnection(String service) throws SQLException {
        return DriverManager.getConnection(databaseUrl(service), ADMIN_USER, "");
    }

    private static void createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "");
                Statement statement = connection.createStatement()) {
            ensureRole(statement, "waymark_owner", "LOGIN PASSWORD 'waymark_owner'");
            ensureRole(statement, "waymark_app", "LOGIN PASSWORD 'waymark_app'");
            statement.execute("ALTER ROLE waymark_app NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            statement.execute("CREATE DATABASE " + name + " OWNER waymark_owner");
            statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            statement.execute("GRANT CONNECT ON DATABASE " + name + " TO waymark_app");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare test database " + name + " on " + ADMIN_URL
                    + " (is PostgreSQL running? see README): " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Statement statement, String role, String options) throws SQLException {
        statement.execute("DO $$ BEGIN CREATE ROLE " + role + " " + options
                + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    private static void dropDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void rabbitmqctl(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(env("WAYMARK_TEST_RABBITMQCTL", "rabbitmqctl"));
        command.add("-q");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl is needed to create the test vhost (is RabbitMQ installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
