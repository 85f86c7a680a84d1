package com.waymark.feedback.followup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The editable part of a case, validated; {@code dueAt} null means "the SLA from now". */
record CaseDraft(String title, @Nullable String owner, CaseStatus status, @Nullable Instant dueAt, @Nullable String note,
        @Nullable String resolution) {

    CaseDraft(String title, @Nullable String owner, CaseStatus status, @Nullable Instant dueAt, @Nullable String note) {
        this(title, owner, status, dueAt, note, null);
    }
}
