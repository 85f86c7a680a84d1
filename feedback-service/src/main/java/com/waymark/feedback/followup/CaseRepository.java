package com.waymark.feedback.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Follow-up cases, read and written under the tenant context (row-level security). */
@Repository
class CaseRepository {

    private static final String COLUMNS = """
            tenant_id, workspace_id, id, response_id, survey_id, touchpoint_id, journey_id, title, owner, status, due_at, note,
            resolution, origin, version, created_at, updated_at, closed_at""";

    /** Which cases a list shows; {@code overdue} null means either. */
    record Filter(@Nullable CaseStatus status, @Nullable String owner, @Nullable Boolean overdue) {
    }

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the case; false when it is a second automatic case for the same response, or a
     * retried create with an idempotency key already used (nothing is written then).
     */
    boolean insert(FollowUpCase c, @Nullable String idempotencyKey) {
        return jdbc.sql("""
                insert into follow_up_case (tenant_id, workspace_id, id, response_id, survey_id, touchpoint_id, journey_id, title,
                                            owner, status, due_at, note, resolution, origin, version, idempotency_key,
                                            created_at, updated_at, closed_at)
                values (:tenant, :workspace, :id, :response, :survey, :touchpoint, :journey, :title, :owner, :status, :dueAt,
                        :note, :resolution, :origin, :version, :idempotencyKey, :createdAt, :updatedAt, :closedAt)
                on conflict do nothing""")
                .param("tenant", c.tenantId())
                .param("workspace", c.workspaceId())
                .param("id", c.id())
                .param("response", c.responseId())
                .param("survey", c.surveyId())
                .param("touchpoint", c.touchpointId())
                .param("journey", c.journeyId())
                .param("title", c.title())
                .param("owner", c.owner())
                .param("status", c.status().value())
                .param("dueAt", timestamp(c.dueAt()))
                .param("note", c.note())
                .param("resolution", c.resolution())
                .param("origin", c.origin())
                .param("version", c.version())
                .param("idempotencyKey", idempotencyKey)
                .param("createdAt", timestamp(c.createdAt()))
                .param("updatedAt", timestamp(c.updatedAt()))
                .param("closedAt", timestamp(c.closedAt()))
                .update() == 1;
    }

    void update(FollowUpCase c) {
        jdbc.sql("""
                update follow_up_case set title = :title, owner = :owner, status = :status, due_at = :dueAt, note = :note,
                       resolution = :resolution, version = :version, updated_at = :updatedAt, closed_at = :closedAt
                where workspace_id = :workspace and id = :id""")
                .param("workspace", c.workspaceId())
                .param("id", c.id())
                .param("title", c.title())
                .param("owner", c.owner())
                .param("status", c.status().value())
                .param("dueAt", timestamp(c.dueAt()))
                .param("note", c.note())
                .param("resolution", c.resolution())
                .param("version", c.version())
                .param("updatedAt", timestamp(c.updatedAt()))
                .param("closedAt", timestamp(c.closedAt()))
                .update();
    }

    Optional<FollowUpCase> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from follow_up_case where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::map).optional();
    }

    /** Locks the row for a read-modify-write in the current transaction. */
    Optional<FollowUpCase> findForUpdate(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from follow_up_case where workspace_id = ? and id = ? for update")
                .params(workspaceId, id).query(this::map).optional();
    }

    Optional<FollowUpCase> findByIdempotencyKey(UUID workspaceId, String key) {
        return jdbc.sql("select " + COLUMNS + " from follow_up_case where workspace_id = ? and idempotency_key = ?")
                .params(workspaceId, key).query(this::map).optional();
    }

    /** Newest first; {@code limit + 1} rows so the caller can tell whether there is a next page. */
    List<FollowUpCase> list(UUID workspaceId, Filter filter, Instant now, @Nullable UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from follow_up_case where workspace_id = :workspace");
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspaceId);
        if (filter.status() != null) {
            sql.append(" and status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.owner() != null) {
            sql.append(" and owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " and (status <> 'closed' and due_at < :now)" : " and not (status <> 'closed' and due_at < :now)");
            params.put("now", timestamp(now));
        }
        if (after != null) {
            sql.append(" and id < :after");
            params.put("after", after);
        }
        sql.append(" order by id desc limit :limit");
        params.put("limit", limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /**
     * Deletes the cases that follow up any of these responses (their comments go with them); how many.
     * Used when a respondent's data is erased: a case about their response is about them.
     */
    int deleteForResponses(UUID workspaceId, List<UUID> responseIds) {
        if (responseIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from follow_up_case where workspace_id = :workspace and response_id in (:responses)")
                .param("workspace", workspaceId).param("responses", responseIds).update();
    }

    private FollowUpCase map(ResultSet rs, int row) throws SQLException {
        return new FollowUpCase(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("response_id", UUID.class),
                rs.getObject("survey_id", UUID.class),
                rs.getObject("touchpoint_id", UUID.class),
                rs.getObject("journey_id", UUID.class),
                rs.getString("title"),
                rs.getString("owner"),
                CaseStatus.fromValue(rs.getString("status")).orElseThrow(),
                instant(rs, "due_at"),
                rs.getString("note"),
                rs.getString("resolution"),
                rs.getString("origin"),
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "closed_at"));
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
