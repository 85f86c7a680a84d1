package com.waymark.feedback.privacy;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a workspace keeps about respondents' clients; both off by default. */
@Schema(name = "RespondentPrivacy")
record RespondentPrivacy(
        @Schema(description = "keep the respondent's IP address with each response (default false)") boolean storeClientAddress,
        @Schema(description = "keep the respondent's browser User-Agent with each response (default false)") boolean storeUserAgent) {

    static final RespondentPrivacy DEFAULT = new RespondentPrivacy(false, false);
}
