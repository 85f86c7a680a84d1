package com.waymark.feedback.followup;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/** What makes a case well-formed; every problem is reported at once, naming its field. */
final class CaseRules {

    static final int MAX_TITLE = 200;
    static final int MAX_OWNER = 200;
    static final int MAX_NOTE = 5000;
    static final int MAX_RESOLUTION = 5000;

    private CaseRules() {
    }

    /** A new case: closing it at once needs a resolution like closing it later. */
    static CaseDraft validate(CaseRequest request) {
        return validate(request, null);
    }

    /**
     * {@code current} is the case being edited (null for a new one). A case that becomes closed needs
     * a resolution; one closed before resolutions existed may stay without.
     */
    static CaseDraft validate(CaseRequest request, @Nullable FollowUpCase current) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "must not be blank"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE + " characters"));
        }
        String owner = optional(request.owner(), "owner", MAX_OWNER, problems);
        String note = optional(request.note(), "note", MAX_NOTE, problems);
        String resolution = optional(request.resolution(), "resolution", MAX_RESOLUTION, problems);
        CaseStatus status = CaseStatus.OPEN;
        if (request.status() != null) {
            status = CaseStatus.fromValue(request.status()).orElse(CaseStatus.OPEN);
            if (CaseStatus.fromValue(request.status()).isEmpty()) {
                problems.add(new FieldProblem("status", "must be " + CaseStatus.ALL));
            }
        }
        boolean legacyClosed = current != null && current.status() == CaseStatus.CLOSED && current.resolution() == null;
        if (status == CaseStatus.CLOSED && resolution == null && !legacyClosed) {
            problems.add(new FieldProblem("resolution", "is required to close a case: say how it was resolved"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new CaseDraft(title, owner, status, request.dueAt(), note, resolution);
    }

    /** Trimmed, blank as absent, and at most {@code max} characters. */
    private static @Nullable String optional(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return trimmed;
    }
}
