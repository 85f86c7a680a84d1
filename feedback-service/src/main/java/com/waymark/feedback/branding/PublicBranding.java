package com.waymark.feedback.branding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's branding as respondents' pages and the widget use it. Every value was validated on
 * the way in (https logo URL, {@code #rrggbb} colours), so it can go into HTML attributes (escaped),
 * CSS custom properties and the page's Content-Security-Policy.
 */
@Schema(name = "PublicBranding")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicBranding(@Nullable String logoUrl, @Nullable String primaryColor, @Nullable String accentColor,
        @Nullable String senderName) {

    /** The https origin the logo is loaded from, for the page's {@code img-src}; null without a logo. */
    @JsonIgnore
    public @Nullable String logoOrigin() {
        return logoUrl == null ? null : BrandingRules.origin(URI.create(logoUrl));
    }

    /**
     * Text colour readable on the primary colour (WCAG relative luminance): white on dark, near-black
     * on light; null without a primary colour.
     */
    @JsonIgnore
    public @Nullable String onPrimaryColor() {
        if (primaryColor == null) {
            return null;
        }
        int rgb = Integer.parseInt(primaryColor.substring(1), 16);
        double luminance = 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        // contrast with white (1.05 / (L + 0.05)) beats contrast with #1a1a1a below about L = 0.18
        return luminance < 0.18 ? "#ffffff" : "#1a1a1a";
    }

    /** Whether anything is set at all. */
    @JsonIgnore
    public boolean isEmpty() {
        return logoUrl == null && primaryColor == null && accentColor == null && senderName == null;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
