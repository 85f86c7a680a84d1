package com.waymark.feedback.response;

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
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Responses, read and written under the tenant context (row-level security). */
@Repository
class ResponseRepository {

    private static final String COLUMNS = """
            tenant_id, workspace_id, id, survey_id, touchpoint_id, submission_id, submitted_at, received_at, lang, segment,
            channel, url, respondent_external_id, respondent_email, source, answers::text as answers""";

    /** Rows per round trip when streaming an export. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final JsonMapper json;

    ResponseRepository(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.json = json;
    }

    /** False when the survey already has a response with this submission id (a retry). */
    boolean insertIfNew(StoredResponse response) {
        StoredAnswer headline = response.headline();
        return jdbc.sql("""
                insert into response (tenant_id, workspace_id, id, survey_id, touchpoint_id, submission_id, submitted_at,
                                      received_at, lang, segment, channel, url, respondent_external_id, respondent_email,
                                      source, answers, score_kind, score)
                values (:tenant, :workspace, :id, :survey, :touchpoint, :submission, :submittedAt, :receivedAt, :lang,
                        :segment, :channel, :url, :externalId, :email, :source, cast(:answers as jsonb), :scoreKind, :score)
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
                .param("scoreKind", headline == null ? null : headline.kind().value())
                .param("score", headline == null ? null : headline.score())
                .update() == 1;
    }

    Optional<StoredResponse> find(UUID workspaceId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from response where workspace_id = ? and id = ?")
                .params(workspaceId, id).query(this::map).optional();
    }

    /** Newest submission first; {@code limit + 1} rows so the caller can tell whether there is a next page. */
    List<StoredResponse> list(UUID workspaceId, ResponseFilter filter, @Nullable UUID after, int limit) {
        Where where = where(workspaceId, filter);
        if (after != null) {
            where.and("id < :after", "after", after);
        }
        return jdbc.sql("select " + COLUMNS + " from response where " + where.sql() + " order by id desc limit :limit")
                .params(where.params()).param("limit", limit + 1)
                .query(this::map).list();
    }

    /**
     * Every matching response, newest submission first, handed to {@code each} as PostgreSQL sends
     * them (a server-side cursor of {@link #FETCH_SIZE} rows, so memory stays flat). Needs a
     * transaction: outside one the driver reads the whole result at once.
     */
    void forEach(UUID workspaceId, ResponseFilter filter, Consumer<StoredResponse> each) {
        Where where = where(workspaceId, filter);
        streaming.sql("select " + COLUMNS + " from response where " + where.sql() + " order by id desc")
                .params(where.params())
                .query((RowCallbackHandler) rs -> each.accept(map(rs, 0)));
    }

    /** The question ids answered (or skipped) in the matching responses, in question order. */
    List<String> questionIds(UUID workspaceId, ResponseFilter filter) {
        Where where = where(workspaceId, filter);
        return jdbc.sql("""
                select a.answer ->> 'questionId' as question_id
                from response r cross join lateral jsonb_array_elements(r.answers) with ordinality as a(answer, n)
                where %s
                group by a.answer ->> 'questionId'
                order by min(a.n), a.answer ->> 'questionId'""".formatted(where.sql()))
                .params(where.params()).query(String.class).list();
    }

    /** Erases the response (its answers are part of the row); what was erased, empty when unknown. */
    Optional<Erased> delete(UUID workspaceId, UUID id) {
        return jdbc.sql("delete from response where workspace_id = ? and id = ? returning tenant_id, survey_id")
                .params(workspaceId, id)
                .query((rs, row) -> new Erased(rs.getObject("tenant_id", UUID.class), id, rs.getObject("survey_id", UUID.class)))
                .optional();
    }

    record Erased(UUID tenantId, UUID responseId, UUID surveyId) {
    }

    /** The conditions of a filter, with named parameters. */
    private static Where where(UUID workspaceId, ResponseFilter filter) {
        Where where = new Where(new StringBuilder("workspace_id = :workspace"), new HashMap<>());
        where.params().put("workspace", workspaceId);
        if (filter.surveyId() != null) {
            where.and("survey_id = :survey", "survey", filter.surveyId());
        }
        if (filter.touchpointId() != null) {
            where.and("touchpoint_id = :touchpoint", "touchpoint", filter.touchpointId());
        }
        if (filter.from() != null) {
            where.and("submitted_at >= :from", "from", timestamp(filter.from()));
        }
        if (filter.to() != null) {
            where.and("submitted_at < :to", "to", timestamp(filter.to()));
        }
        if (filter.minScore() != null) {
            where.and("score >= :minScore", "minScore", filter.minScore());
        }
        if (filter.maxScore() != null) {
            where.and("score <= :maxScore", "maxScore", filter.maxScore());
        }
        return where;
    }

    private record Where(StringBuilder sql, Map<String, Object> params) {

        void and(String condition, String name, Object value) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
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
