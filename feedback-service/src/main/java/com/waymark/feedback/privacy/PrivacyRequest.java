package com.waymark.feedback.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The whole settings document; an absent flag is false (off). */
@Schema(name = "RespondentPrivacyRequest")
record PrivacyRequest(@Nullable Boolean storeClientAddress, @Nullable Boolean storeUserAgent) {

    RespondentPrivacy settings() {
        return new RespondentPrivacy(Boolean.TRUE.equals(storeClientAddress), Boolean.TRUE.equals(storeUserAgent));
    }
}
