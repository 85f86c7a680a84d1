package com.waymark.feedback.response;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
            channel, url, respondent_external_id, respondent_email, source, answers::text as answers, client_address, user_agent""";

    /** One row of {@link #insertNew}'s VALUES list; casts so that a column of nulls still has its type. */
    private static final String BATCH_ROW = "(cast(? as uuid), cast(? as uuid), cast(? as uuid), cast(? as uuid), "
            + "cast(? as uuid), cast(? as uuid), cast(? as timestamptz), cast(? as timestamptz), cast(? as text), "
            + "cast(? as text), cast(? as text), cast(? as text), cast(? as text), cast(? as text), cast(? as text), "
            + "cast(? as jsonb), cast(? as text), cast(? as smallint), cast(? as text), cast(? as text))";

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

    /**
     * Inserts the responses of one workspace in one statement and returns the submission ids that were
     * new (the others were stored before: retries). Client address and user agent are kept only when the
     * workspace's respondent-privacy settings say so, read in this same statement. The submission ids
     * must be distinct per survey (callers fold repeats within a batch first).
     */
    List<SubmissionKey> insertNew(UUID workspaceId, List<StoredResponse> responses) {
        if (responses.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>(responses.size() * 20);
        for (StoredResponse response : responses) {
            if (!response.workspaceId().equals(workspaceId)) {
                throw new IllegalArgumentException("Response " + response.id() + " is not of workspace " + workspaceId);
            }
            StoredAnswer headline = response.headline();
            values.append(values.isEmpty() ? "" : ", ").append(BATCH_ROW);
            params.add(response.tenantId());
            params.add(response.workspaceId());
            params.add(response.id());
            params.add(response.surveyId());
            params.add(response.touchpointId());
            params.add(response.submissionId());
            params.add(timestamp(response.submittedAt()));
            params.add(timestamp(response.receivedAt()));
            params.add(response.lang());
            params.add(response.segment());
            params.add(response.channel());
            params.add(response.url());
            params.add(response.respondentExternalId());
            params.add(response.respondentEmail());
            params.add(response.source());
            params.add(json.writeValueAsString(response.answers()));
            params.add(headline == null ? null : headline.kind().value());
            params.add(headline == null ? null : headline.score());
            params.add(response.clientAddress());
            params.add(response.userAgent());
        }
        params.add(workspaceId);
        return jdbc.sql("""
                insert into response (tenant_id, workspace_id, id, survey_id, touchpoint_id, submission_id, submitted_at,
                                      received_at, lang, segment, channel, url, respondent_external_id, respondent_email,
                                      source, answers, score_kind, score, client_address, user_agent)
                select v.tenant_id, v.workspace_id, v.id, v.survey_id, v.touchpoint_id, v.submission_id, v.submitted_at,
                       v.received_at, v.lang, v.segment, v.channel, v.url, v.external_id, v.email, v.source, v.answers,
                       v.score_kind, v.score,
                       case when p.store_client_address then v.client_address end,
                       case when p.store_user_agent then v.user_agent end
                from (values %s) as v(tenant_id, workspace_id, id, survey_id, touchpoint_id, submission_id, submitted_at,
                                      received_at, lang, segment, channel, url, external_id, email, source, answers,
                                      score_kind, score, client_address, user_agent)
                left join respondent_privacy p on p.workspace_id = ?
                on conflict (workspace_id, survey_id, submission_id) do nothing
                returning survey_id, submission_id""".formatted(values))
                .params(params)
                .query((rs, row) -> new SubmissionKey(rs.getObject("survey_id", UUID.class),
                        rs.getObject("submission_id", UUID.class)))
                .list();
    }

    /** A response's identity as its client sees it: the same key twice is the same response. */
    record SubmissionKey(UUID surveyId, UUID submissionId) {
    }

    /** Takes back rows inserted earlier in this transaction (those over the quota). */
    void deleteAll(UUID workspaceId, List<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from response where workspace_id = :workspace and id in (:ids)")
                    .param("workspace", workspaceId).param("ids", ids).update();
        }
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
                List.of(json.readValue(rs.getString("answers"), StoredAnswer[].class)),
                rs.getString("client_address"),
                rs.getString("user_agent"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
