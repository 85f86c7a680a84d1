package com.waymark.feedback.followup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A comment as the API shows it. */
@Schema(name = "CaseComment")
record CommentView(UUID id, @Schema(description = "the author's user id (token subject)") String authorId,
        @Schema(description = "the author's name when the comment was written") String authorName, String text,
        Instant createdAt) {

    static CommentView of(CaseComment comment) {
        return new CommentView(comment.id(), comment.authorId(), comment.authorName(), comment.text(), comment.createdAt());
    }
}
