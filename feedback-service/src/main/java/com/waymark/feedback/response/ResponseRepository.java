package com.waymark.feedback.response;

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

/** Responses, read and written under the tenant context (row-level security). */
@Repository
class ResponseRepository {

    private static final String COLUMNS = """
            tenant_id, workspace_id, id, survey_id, touchpoint_id, submission_id, submitted_at, received_at, lang, segment,
            channel, url, respondent_external_id, respondent_email, source, answers::text as answers""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResponseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when the survey already has a response with this submission id (a retry). */
    boolean insertIfNew(StoredResponse response) {
        return jdbc.sql("""
                insert into response (tenant_id, workspace_id, id, survey_id, touchpoint_id, submission_id, submitted_at,
                                      received_at, lang, segment, channel, url, respondent_external_id, respondent_email,
                                      source, answers)
                values (:tenant, :workspace, :id, :survey, :touchpoint, :submission, :submittedAt, :receivedAt, :lang,
                        :segment, :channel, :url, :externalId, :email, :source, cast(:answers as jsonb))
                on conflict (workspace_id, survey_id, submission_id) do nothing""")
                .param("tenant", response.tenantId())
                .param("workspace", response.workspaceId())
                .param("id", response.id())
                .param("survey", response.surveyId())
                .param("touchpoint", response.touchpointId())
                .param("submission", response.submissionId())
                .param("submittedAt", timestamp(response.submittedAt()))
                .param("receivedAt", timestamp(response.receivedAt()))
                .param("lang", response.lang())
                .param("segment", response.segment())
                .param("channel", response.channel())
                .param("url", response.url())
                .param("externalId", response.respondentExternalId())
                .param("email", response.respondentEmail())
                .param("source", response.source())
                .param("answers", json.writeValueAsString(response.answers()))
                .update() == 1;
    }

    Optional<StoredResponse> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from response where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::map).optional();
    }

    /** Newest submission first; {@code limit + 1} rows so the caller can tell whether there is a next page. */
    List<StoredResponse> list(UUID workspaceId, ResponseFilter filter, @Nullable UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from response where workspace_id = :workspace");
        if (filter.surveyId() != null) {
            sql.append(" and survey_id = :survey");
        }
        if (filter.touchpointId() != null) {
            sql.append(" and touchpoint_id = :touchpoint");
        }
        if (filter.from() != null) {
            sql.append(" and submitted_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and submitted_at < :to");
        }
        if (after != null) {
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("workspace", workspaceId)
                .param("limit", limit + 1);
        if (filter.surveyId() != null) {
            statement = statement.param("survey", filter.surveyId());
        }
        if (filter.touchpointId() != null) {
            statement = statement.param("touchpoint", filter.touchpointId());
        }
        if (filter.from() != null) {
            statement = statement.param("from", timestamp(filter.from()));
        }
        if (filter.to() != null) {
            statement = statement.param("to", timestamp(filter.to()));
        }
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query(this::map).list();
    }

    private StoredResponse map(ResultSet rs, int row) throws SQLException {
        return new StoredResponse(
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("survey_id", UUID.class),
                rs.getObject("touchpoint_id", UUID.class),
                rs.getObject("submission_id", UUID.class),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("lang"),
                rs.getString("segment"),
                rs.getString("channel"),
                rs.getString("url"),
                rs.getString("respondent_external_id"),
                rs.getString("respondent_email"),
                rs.getString("source"),
                List.of(json.readValue(rs.getString("answers"), StoredAnswer[].class)));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
