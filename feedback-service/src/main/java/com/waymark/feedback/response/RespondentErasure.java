package com.waymark.feedback.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.ResponseDeleted;
import com.waymark.platform.messaging.Outbox;

/**
 * A data subject's erasure request (GDPR art. 17): every response of one respondent in the workspace,
 * found by external id or e-mail, goes in one transaction with a {@code feedback.response.deleted}
 * per response in the outbox (metrics subtract them) and {@link RespondentErased} for what other
 * features keep about those responses (follow-up cases). Runs under the workspace's tenant context.
 */
@Service
class RespondentErasure {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    RespondentErasure(JdbcClient jdbc, Outbox outbox, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
    }

    record Erased(int erased) {
    }

    private record Found(UUID tenantId, UUID responseId, UUID surveyId) {
    }

    @Transactional
    Erased erase(UUID workspaceId, ErasureRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String externalId = Responses.limited(request.respondentExternalId(), "respondentExternalId",
                Responses.MAX_EXTERNAL_ID, problems);
        String email = Responses.limited(request.respondentEmail(), "respondentEmail", Responses.MAX_EMAIL, problems);
        if (problems.isEmpty() && (externalId == null) == (email == null)) {
            problems.add(new FieldProblem(externalId == null ? "respondentExternalId" : "respondentEmail",
                    "give exactly one of respondentExternalId and respondentEmail"));
        }
        if (email != null && !Responses.EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("respondentEmail", "must be an email address"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<Found> found = find(workspaceId, externalId, email);
        if (found.isEmpty()) {
            return new Erased(0);
        }
        List<UUID> ids = found.stream().map(Found::responseId).toList();
        // before the rows go: the case rows still point at them
        events.publishEvent(new RespondentErased(workspaceId, ids));
        jdbc.sql("delete from response where workspace_id = :workspace and id in (:ids)")
                .param("workspace", workspaceId).param("ids", ids).update();
        for (Found response : found) {
            outbox.append(EventTypes.RESPONSE_DELETED, 1, response.tenantId(), workspaceId,
                    new ResponseDeleted(response.responseId(), response.surveyId()));
        }
        return new Erased(found.size());
    }

    /** The respondent's responses, locked so a concurrent erasure of the same ones waits. */
    private List<Found> find(UUID workspaceId, @Nullable String externalId, @Nullable String email) {
        String condition = externalId != null ? "respondent_external_id = :value" : "lower(respondent_email) = :value";
        String value = externalId != null ? externalId : email.toLowerCase(Locale.ROOT);
        return jdbc.sql("select tenant_id, id, survey_id from response where workspace_id = :workspace and " + condition
                        + " order by id for update")
                .param("workspace", workspaceId).param("value", value)
                .query((rs, row) -> new Found(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("survey_id", UUID.class)))
                .list();
    }
}
