package com.waymark.metrics.alert;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many open alerts workspaces have (for the agency portfolio). */
@Repository
public class OpenAlerts {

    private final JdbcClient jdbc;

    OpenAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<UUID, Long> countByWorkspace(Collection<UUID> workspaceIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (workspaceIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select workspace_id, count(*) as open from alert
                where workspace_id in (:workspaces) and status = 'open' group by workspace_id""")
                .param("workspaces", workspaceIds)
                .query(rs -> {
                    counts.put(rs.getObject("workspace_id", UUID.class), rs.getLong("open"));
                });
        return counts;
    }
}
