package com.waymark.feedback.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.security.CurrentUser;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/cases/{caseId}/comments")
@Tag(name = "Follow-up cases")
class CaseCommentController {

    private final CaseComments comments;

    CaseCommentController(CaseComments comments) {
        this.comments = comments;
    }

    @GetMapping
    @Operation(summary = "List a case's comments, oldest first")
    Page<CommentView> list(@PathVariable UUID workspaceId, @PathVariable UUID caseId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Page<CaseComment> page = comments.list(workspaceId, caseId, cursor, limit);
        return new Page<>(page.items().stream().map(CommentView::of).toList(), page.nextCursor());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Comment on a case",
            description = "text of 1 to 5000 characters; the author is the caller. Idempotent with an Idempotency-Key header.")
    ResponseEntity<CommentView> add(@PathVariable UUID workspaceId, @PathVariable UUID caseId, WorkspaceAccess access,
            @RequestBody CommentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CurrentUser user = CurrentUser.require();
        String name = user.name() != null && !user.name().isBlank() ? user.name() : user.username();
        CaseComment comment = comments.add(access, caseId, request, new CaseComments.Author(user.userId(), name),
                idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(CommentView.of(comment));
    }
}
