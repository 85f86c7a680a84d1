package com.waymark.feedback.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A response as the authenticated API shows it. */
@Schema(name = "Response")
record ResponseView(UUID id, UUID surveyId, @Nullable UUID touchpointId, UUID submissionId, Instant submittedAt,
        Instant receivedAt, String lang, @Nullable String segment, @Nullable String channel, @Nullable String url,
        ResponseSubmission.@Nullable Respondent respondent,
        @Schema(description = "web (public link or widget) or import (CSV)") String source, List<StoredAnswer> answers,
        @Schema(description = "headline score: the answer to the survey's first NPS, CSAT or CES question (what minScore/maxScore filter on)")
        @Nullable Integer score,
        @Schema(description = "kind of the headline score's question: nps, csat or ces") @Nullable String scoreKind,
        @Schema(description = "the respondent's address; only when the workspace stores it (respondent-privacy settings)",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String clientAddress,
        @Schema(description = "the respondent's browser (User-Agent); only when the workspace stores it",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String userAgent) {

    static ResponseView of(StoredResponse response) {
        StoredAnswer headline = response.headline();
        ResponseSubmission.Respondent respondent = response.respondentExternalId() == null && response.respondentEmail() == null
                ? null
                : new ResponseSubmission.Respondent(response.respondentExternalId(), response.respondentEmail());
        return new ResponseView(response.id(), response.surveyId(), response.touchpointId(), response.submissionId(),
                response.submittedAt(), response.receivedAt(), response.lang(), response.segment(), response.channel(),
                response.url(), respondent, response.source(), response.answers(),
                headline == null ? null : headline.score(), headline == null ? null : headline.kind().value(),
                response.clientAddress(), response.userAgent());
    }
}
