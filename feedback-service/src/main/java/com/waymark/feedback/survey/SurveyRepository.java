package com.waymark.feedback.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveys and their public links. Survey rows are read under the tenant context (row-level
 * security); every query also names the workspace so the intent is visible.
 */
@Repository
class SurveyRepository {

    private static final String COLUMNS = """
            tenant_id, workspace_id, id, name, touchpoint_id, journey_id, content::text as content, open_case_for_detractors,
            status, token, version, created_at, updated_at, published_at, closed_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SurveyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Survey survey, @Nullable String idempotencyKey) {
        jdbc.sql("""
                insert into survey (tenant_id, workspace_id, id, name, touchpoint_id, journey_id, content, open_case_for_detractors,
                                    status, token, version, idempotency_key, created_at, updated_at, published_at, closed_at)
                values (:tenant, :workspace, :id, :name, :touchpoint, :journey, cast(:content as jsonb), :openCase,
                        :status, :token, :version, :idempotencyKey, :createdAt, :updatedAt, :publishedAt, :closedAt)""")
                .param("tenant", survey.tenantId())
                .param("workspace", survey.workspaceId())
                .param("id", survey.id())
                .param("name", survey.name())
                .param("touchpoint", survey.touchpointId())
                .param("journey", survey.journeyId())
                .param("content", json.writeValueAsString(survey.content()))
                .param("openCase", survey.openCaseForDetractors())
                .param("status", survey.status().value())
                .param("token", survey.token())
                .param("version", survey.version())
                .param("idempotencyKey", idempotencyKey)
                .param("createdAt", timestamp(survey.createdAt()))
                .param("updatedAt", timestamp(survey.updatedAt()))
                .param("publishedAt", timestamp(survey.publishedAt()))
                .param("closedAt", timestamp(survey.closedAt()))
                .update();
    }

    void update(Survey survey) {
        jdbc.sql("""
                update survey set name = :name, touchpoint_id = :touchpoint, journey_id = :journey, content = cast(:content as jsonb),
                       open_case_for_detractors = :openCase, status = :status, token = :token, version = :version,
                       updated_at = :updatedAt, published_at = :publishedAt, closed_at = :closedAt
                where workspace_id = :workspace and id = :id""")
                .param("workspace", survey.workspaceId())
                .param("id", survey.id())
                .param("name", survey.name())
                .param("touchpoint", survey.touchpointId())
                .param("journey", survey.journeyId())
                .param("content", json.writeValueAsString(survey.content()))
                .param("openCase", survey.openCaseForDetractors())
                .param("status", survey.status().value())
                .param("token", survey.token())
                .param("version", survey.version())
                .param("updatedAt", timestamp(survey.updatedAt()))
                .param("publishedAt", timestamp(survey.publishedAt()))
                .param("closedAt", timestamp(survey.closedAt()))
                .update();
    }

    Optional<Survey> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from survey where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::map).optional();
    }

    /** Locks the row for a read-modify-write in the current transaction. */
    Optional<Survey> findForUpdate(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from survey where workspace_id = ? and id = ? for update")
                .params(workspaceId, id).query(this::map).optional();
    }

    Optional<Survey> findByIdempotencyKey(UUID workspaceId, String key) {
        return jdbc.sql("select " + COLUMNS + " from survey where workspace_id = ? and idempotency_key = ?")
                .params(workspaceId, key).query(this::map).optional();
    }

    /** Newest first; {@code limit + 1} rows so the caller can tell whether there is a next page. */
    List<Survey> list(UUID workspaceId, @Nullable SurveyStatus status, @Nullable UUID touchpointId, @Nullable UUID after,
            int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from survey where workspace_id = :workspace");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (touchpointId != null) {
            sql.append(" and touchpoint_id = :touchpoint");
        }
        if (after != null) {
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("workspace", workspaceId)
                .param("limit", limit + 1);
        if (status != null) {
            statement = statement.param("status", status.value());
        }
        if (touchpointId != null) {
            statement = statement.param("touchpoint", touchpointId);
        }
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query(this::map).list();
    }

    void delete(UUID workspaceId, UUID id) {
        jdbc.sql("delete from survey_link where workspace_id = ? and survey_id = ?").params(workspaceId, id).update();
        jdbc.sql("delete from survey where workspace_id = ? and id = ?").params(workspaceId, id).update();
    }

    void insertLink(SurveyLink link) {
        jdbc.sql("""
                insert into survey_link (token, tenant_id, workspace_id, survey_id) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(link.token(), link.tenantId(), link.workspaceId(), link.surveyId()).update();
    }

    /** Needs no tenant context: this is how an anonymous request finds its tenant. */
    Optional<SurveyLink> findLink(String token) {
        return jdbc.sql("select token, tenant_id, workspace_id, survey_id from survey_link where token = ?")
                .param(token)
                .query((rs, i) -> new SurveyLink(rs.getString("token"), rs.getObject("tenant_id", UUID.class),
                        rs.getObject("workspace_id", UUID.class), rs.getObject("survey_id", UUID.class)))
                .optional();
    }

    private Survey map(ResultSet rs, int row) throws SQLException {
        return new Survey(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getString("name"),
                rs.getObject("touchpoint_id", UUID.class),
                rs.getObject("journey_id", UUID.class),
                json.readValue(rs.getString("content"), SurveyContent.class),
                rs.getBoolean("open_case_for_detractors"),
                SurveyStatus.fromValue(rs.getString("status")).orElseThrow(),
                rs.getString("token"),
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                nullableInstant(rs, "published_at"),
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
