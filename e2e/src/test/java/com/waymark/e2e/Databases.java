package com.waymark.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What really remains in the e2e stack's databases, counted as the superuser (past row-level security). */
final class Databases {

    static final List<String> SERVICES = List.of("tenant", "mapping", "feedback", "metrics");

    private Databases() {
    }

    /** Event types still in the services' outboxes for the tenant. */
    static List<String> outboxTypesOfTenant(UUID tenantId) throws SQLException {
        List<String> types = new ArrayList<>();
        for (String service : SERVICES) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/waymark_e2e_" + service, "postgres", "");
                    PreparedStatement query = connection.prepareStatement("select type from outbox where tenant_id = ?")) {
                query.setObject(1, tenantId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        types.add(rs.getString(1));
                    }
                }
            }
        }
        return types;
    }

    /** Rows mentioning the tenant, per "database.table", in every table with a tenant_id column. */
    static Map<String, Long> rowsOfTenant(UUID tenantId) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String service : SERVICES) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:5432/waymark_e2e_" + service, "postgres", "")) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = connection.createStatement().executeQuery("""
                        select table_name from information_schema.columns
                        where table_schema = 'public' and column_name = 'tenant_id'""")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (PreparedStatement count = connection.prepareStatement(
                            "select count(*) from \"" + table + "\" where tenant_id = ?")) {
                        count.setObject(1, tenantId);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.put(service + "." + table, rs.getLong(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
