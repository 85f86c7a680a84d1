package com.waymark.metrics.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import com.waymark.metrics.config.MetricsProperties;
import com.waymark.metrics.score.Scores;

/**
 * A workspace's metric settings: its minimum n ({@code metric_settings}), else
 * {@code waymark.metrics.min-n}. Every decision on {@code enough} takes its {@link Scores} from here.
 * Reads go through row-level security, so they see only what the caller's tenant context allows.
 */
@Service
public class MetricSettings {

    public static final int MAX_MIN_N = 10_000;

    private final JdbcClient jdbc;
    private final MetricsProperties properties;
    private final Clock clock;

    MetricSettings(JdbcClient jdbc, MetricsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The minimum n when a workspace has set none. */
    public int defaultMinN() {
        return properties.minN();
    }

    public int minN(UUID workspaceId) {
        return jdbc.sql("select min_n from metric_settings where workspace_id = ?").param(workspaceId)
                .query(Integer.class).optional().orElse(properties.minN());
    }

    /** The formulas with the workspace's minimum n. */
    public Scores scores(UUID workspaceId) {
        return new Scores(minN(workspaceId));
    }

    /** The minimum n of each of the workspaces (the default for those without settings). */
    public Map<UUID, Integer> minNs(Collection<UUID> workspaceIds) {
        Map<UUID, Integer> minNs = new HashMap<>();
        workspaceIds.forEach(id -> minNs.put(id, properties.minN()));
        if (workspaceIds.isEmpty()) {
            return minNs;
        }
        jdbc.sql("select workspace_id, min_n from metric_settings where workspace_id in (:workspaces)")
                .param("workspaces", workspaceIds)
                .query(rs -> {
                    UUID id = rs.getObject("workspace_id", UUID.class);
                    if (minNs.containsKey(id)) {
                        minNs.put(id, rs.getInt("min_n"));
                    }
                });
        return minNs;
    }

    void save(UUID tenantId, UUID workspaceId, int minN) {
        jdbc.sql("""
                insert into metric_settings (tenant_id, workspace_id, min_n, updated_at) values (?, ?, ?, ?)
                on conflict (workspace_id) do update set min_n = excluded.min_n, updated_at = excluded.updated_at""")
                .params(tenantId, workspaceId, minN, Timestamp.from(clock.instant())).update();
    }
}
