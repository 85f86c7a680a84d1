package com.waymark.feedback.response;

import java.util.List;
import java.util.UUID;

/**
 * Published in-process (Spring application event) inside the transaction that erases all responses
 * of one respondent, before the rows go, so listeners can remove what they keep about those responses
 * in the same transaction.
 */
public record RespondentErased(UUID workspaceId, List<UUID> responseIds) {

    public RespondentErased {
        responseIds = List.copyOf(responseIds);
    }
}
