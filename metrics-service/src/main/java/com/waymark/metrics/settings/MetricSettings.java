package com.waymark.metrics.settings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
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
 * {@code waymark.metrics.min-n}, and its time zone (else UTC). Every decision on {@code enough} takes its {@link Scores} from here.
 * Reads go through row-level security, so they see only what the caller's tenant context allows.
 */
@Service
public class MetricSettings {

    public static final int MAX_MIN_N = 10_000;
    public static final String DEFAULT_ZONE = "UTC";

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

    /** The workspace's time zone: its days, ISO weeks and months (of rollups and queries) are local ones. */
    public ZoneId zone(UUID workspaceId) {
        return ZoneId.of(zoneId(workspaceId));
    }

    String zoneId(UUID workspaceId) {
        return jdbc.sql("select time_zone from metric_settings where workspace_id = ?").param(workspaceId)
                .query(String.class).optional().orElse(DEFAULT_ZONE);
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

    void save(UUID tenantId, UUID workspaceId, int minN, String zone) {
        jdbc.sql("""
                insert into metric_settings (tenant_id, workspace_id, min_n, time_zone, updated_at) values (?, ?, ?, ?, ?)
                on conflict (workspace_id) do update
                   set min_n = excluded.min_n, time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
                .params(tenantId, workspaceId, minN, zone, Timestamp.from(clock.instant())).update();
    }

    /**
     * Whether {@code id} is an IANA region id (like {@code Europe/Vilnius}, or {@code UTC}) that both Java and
     * PostgreSQL know: the rollups compute local days in PostgreSQL, the queries in Java.
     */
    boolean knownZone(String id) {
        try {
            ZoneId zone = ZoneId.of(id);
            if (zone instanceof java.time.ZoneOffset || !zone.getId().equals(id)) {
                return false;
            }
        } catch (java.time.DateTimeException e) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from pg_timezone_names where name = ?)").param(id)
                .query(Boolean.class).single();
    }
}
