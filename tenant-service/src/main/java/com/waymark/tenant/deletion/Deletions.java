package com.waymark.tenant.deletion;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.tenant.deletion.Deletion.ServicePurge;

/**
 * Deletion requests and the purges reported for them. The tables carry no {@code tenant_id} column
 * (so the generic purge leaves them alone) and no row-level security (platform-level records).
 */
@Repository
class Deletions {

    private record Request(Instant requestedAt, String requestedBy) {
    }

    private final JdbcClient jdbc;
    private final PurgeProperties properties;

    Deletions(JdbcClient jdbc, PurgeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void insert(UUID tenantId, Instant requestedAt, String requestedBy) {
        jdbc.sql("insert into tenant_deletion (id, requested_at, requested_by) values (?, ?, ?)")
                .params(tenantId, Timestamp.from(requestedAt), requestedBy).update();
    }

    /** Records a service's purge of a deleted agency; false when no such deletion was requested. Idempotent. */
    boolean recordPurge(UUID tenantId, String service, Instant completedAt, long rowsDeleted) {
        boolean known = jdbc.sql("select exists (select 1 from tenant_deletion where id = ?)").param(tenantId)
                .query(Boolean.class).single();
        if (known) {
            jdbc.sql("""
                    insert into tenant_deletion_service (deletion_id, service, completed_at, rows_deleted)
                    values (?, ?, ?, ?) on conflict do nothing""")
                    .params(tenantId, service, Timestamp.from(completedAt), rowsDeleted).update();
        }
        return known;
    }

    /** The expected services in their configured order, then any other service that reported. */
    Optional<Deletion> find(UUID tenantId) {
        return jdbc.sql("select requested_at, requested_by from tenant_deletion where id = ?").param(tenantId)
                .query((rs, i) -> new Request(rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                        rs.getString("requested_by")))
                .optional()
                .map(row -> {
                    Map<String, ServicePurge> reported = new LinkedHashMap<>();
                    jdbc.sql("select service, completed_at, rows_deleted from tenant_deletion_service where deletion_id = ? order by completed_at, service")
                            .param(tenantId)
                            .query((rs, i) -> new ServicePurge(rs.getString("service"),
                                    rs.getObject("completed_at", OffsetDateTime.class).toInstant(), rs.getLong("rows_deleted")))
                            .list().forEach(purge -> reported.put(purge.service(), purge));
                    List<ServicePurge> services = new ArrayList<>();
                    boolean complete = true;
                    for (String service : properties.services()) {
                        ServicePurge purge = reported.remove(service);
                        complete &= purge != null;
                        services.add(purge == null ? new ServicePurge(service, null, null) : purge);
                    }
                    services.addAll(reported.values());
                    return new Deletion(tenantId, row.requestedAt(), row.requestedBy(), services, complete);
                });
    }
}
