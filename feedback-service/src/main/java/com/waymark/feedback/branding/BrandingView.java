package com.waymark.feedback.branding;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A workspace's branding as the API shows it; version 0 and nulls until first set. */
@Schema(name = "Branding")
record BrandingView(@Nullable String logoUrl, @Nullable String primaryColor, @Nullable String accentColor,
        @Nullable String senderName,
        @Schema(description = "also the ETag; send it as If-Match to edit safely (0: never set)") int version,
        @Nullable Instant updatedAt) {

    static BrandingView of(Branding branding) {
        PublicBranding look = branding.look();
        return new BrandingView(look.logoUrl(), look.primaryColor(), look.accentColor(), look.senderName(),
                branding.version(), branding.updatedAt());
    }
}
