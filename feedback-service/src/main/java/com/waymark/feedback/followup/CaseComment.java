package com.waymark.feedback.followup;

import java.time.Instant;
import java.util.UUID;

/** A remark on a follow-up case by a member of the workspace; comments are never edited. */
record CaseComment(UUID id, UUID tenantId, UUID workspaceId, UUID caseId, String authorId, String authorName, String text,
        Instant createdAt) {
}
