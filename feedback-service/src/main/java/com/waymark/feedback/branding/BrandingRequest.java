package com.waymark.feedback.branding;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A workspace's branding as clients send it (the whole document; an absent or null field is unset). */
@Schema(name = "BrandingRequest")
record BrandingRequest(
        @Schema(description = "https URL of the logo, at most 2000 characters", example = "https://cdn.example.com/logo.svg")
        @Nullable String logoUrl,
        @Schema(description = "#rrggbb; buttons and selected answers", example = "#0f766e") @Nullable String primaryColor,
        @Schema(description = "#rrggbb; focus rings and highlights", example = "#f59e0b") @Nullable String accentColor,
        @Schema(description = "who asks, shown to respondents; at most 100 characters", example = "Contoso Retail")
        @Nullable String senderName) {
}
