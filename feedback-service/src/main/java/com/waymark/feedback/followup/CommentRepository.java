package com.waymark.feedback.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments on follow-up cases, under the tenant context (row-level security). */
@Repository
class CommentRepository {

    private static final String COLUMNS = "id, tenant_id, workspace_id, case_id, author_id, author_name, text, created_at";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the idempotency key was used on this case already (nothing written then). */
    boolean insert(CaseComment comment, @Nullable String idempotencyKey) {
        return jdbc.sql("""
                insert into follow_up_case_comment (tenant_id, workspace_id, id, case_id, author_id, author_name, text,
                                                    idempotency_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(comment.tenantId(), comment.workspaceId(), comment.id(), comment.caseId(), comment.authorId(),
                        comment.authorName(), comment.text(), idempotencyKey,
                        OffsetDateTime.ofInstant(comment.createdAt(), ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<CaseComment> findByIdempotencyKey(UUID workspaceId, UUID caseId, String key) {
        return jdbc.sql("select " + COLUMNS + " from follow_up_case_comment where workspace_id = ? and case_id = ? and idempotency_key = ?")
                .params(workspaceId, caseId, key).query(this::map).optional();
    }

    /** Oldest first (a conversation); {@code limit + 1} rows so the caller can tell whether there is more. */
    List<CaseComment> list(UUID workspaceId, UUID caseId, @Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from follow_up_case_comment
                where workspace_id = :workspace and case_id = :case and (cast(:after as uuid) is null or id > :after)
                order by id limit :limit""")
                .param("workspace", workspaceId).param("case", caseId).param("after", after).param("limit", limit + 1)
                .query(this::map).list();
    }

    private CaseComment map(ResultSet rs, int row) throws SQLException {
        return new CaseComment(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("author_id"),
                rs.getString("author_name"), rs.getString("text"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
