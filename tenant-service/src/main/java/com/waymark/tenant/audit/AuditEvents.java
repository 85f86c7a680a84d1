package com.waymark.tenant.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.tenant.audit.AuditEvent.Actor;
import com.waymark.tenant.audit.AuditEvent.Target;

/** Reads one agency's audit rows, newest first; row-level security needs that agency's tenant-wide context. */
@Repository
class AuditEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Up to {@code limit} rows of the agency older than {@code before} (ids are time-ordered). */
    List<AuditEvent> page(UUID tenantId, AuditFilter filter, @Nullable UUID before, int limit) {
        StringBuilder sql = new StringBuilder("select * from audit_event where tenant_id = :tenant");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", tenantId);
        if (before != null) {
            sql.append(" and id < :before");
            params.put("before", before);
        }
        if (filter.action() != null) {
            sql.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            sql.append(" and at >= :from");
            params.put("from", java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and at < :to");
            params.put("to", java.sql.Timestamp.from(filter.to()));
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit);
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::map).list());
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getObject("id", UUID.class), rs.getObject("at", OffsetDateTime.class).toInstant(),
                new Actor(rs.getString("actor_user_id"), rs.getString("actor_username")), rs.getString("action"),
                new Target(rs.getString("target_type"), rs.getString("target_id")), rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), json.readTree(rs.getString("details")), rs.getString("ip"),
                rs.getString("user_agent"));
    }
}
