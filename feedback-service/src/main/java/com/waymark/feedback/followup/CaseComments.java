package com.waymark.feedback.followup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/** The comment thread of a follow-up case; run under the workspace's tenant context. */
@Service
class CaseComments {

    static final int MAX_TEXT = 5000;
    static final int MAX_IDEMPOTENCY_KEY = 200;

    private final CommentRepository comments;
    private final CaseRepository cases;

    CaseComments(CommentRepository comments, CaseRepository cases) {
        this.comments = comments;
        this.cases = cases;
    }

    /** The author as the token names them, for showing the thread without a user directory. */
    record Author(String id, String name) {
    }

    @Transactional
    public CaseComment add(WorkspaceAccess access, UUID caseId, CommentRequest request, Author author,
            @Nullable String idempotencyKey) {
        requireCase(access.workspaceId(), caseId);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
                throw new ValidationException("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
            }
            var earlier = comments.findByIdempotencyKey(access.workspaceId(), caseId, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            throw new ValidationException("text", "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new ValidationException("text", "must be at most " + MAX_TEXT + " characters");
        }
        // PostgreSQL keeps microseconds: what is returned must equal what is read back later
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseComment comment = new CaseComment(Uuids.timeOrdered(), access.tenantId(), access.workspaceId(), caseId,
                author.id(), author.name(), text, now);
        if (!comments.insert(comment, idempotencyKey) && idempotencyKey != null) {
            // a concurrent retry with the same key won
            return comments.findByIdempotencyKey(access.workspaceId(), caseId, idempotencyKey).orElseThrow();
        }
        return comment;
    }

    @Transactional(readOnly = true)
    public Page<CaseComment> list(UUID workspaceId, UUID caseId, @Nullable String cursor, @Nullable Integer limit) {
        requireCase(workspaceId, caseId);
        int size = Paging.limit(limit);
        return Paging.page(comments.list(workspaceId, caseId, Paging.after(cursor), size), size, CaseComment::id);
    }

    private void requireCase(UUID workspaceId, UUID caseId) {
        if (cases.find(workspaceId, caseId).isEmpty()) {
            throw new NotFoundException("Case " + caseId);
        }
    }
}
