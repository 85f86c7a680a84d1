package com.waymark.feedback.branding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/**
 * What branding may hold. The values end up in a respondent's page (attribute, CSS custom property,
 * CSP header), so they are held to shapes that cannot break out of those places: an https URL with
 * a plain host name, colours exactly {@code #rrggbb}, a sender name without control characters.
 */
final class BrandingRules {

    static final int MAX_LOGO_URL = 2000;
    static final int MAX_SENDER_NAME = 100;

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private BrandingRules() {
    }

    static PublicBranding validate(BrandingRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String logoUrl = blankAsNull(request.logoUrl());
        if (logoUrl != null) {
            if (logoUrl.length() > MAX_LOGO_URL) {
                problems.add(new FieldProblem("logoUrl", "must be at most " + MAX_LOGO_URL + " characters"));
            } else if (!httpsUrl(logoUrl)) {
                problems.add(new FieldProblem("logoUrl", "must be an https URL with a host name, e.g. https://cdn.example.com/logo.svg"));
            }
        }
        String primary = color(request.primaryColor(), "primaryColor", problems);
        String accent = color(request.accentColor(), "accentColor", problems);
        String sender = blankAsNull(request.senderName());
        if (sender != null) {
            if (sender.codePointCount(0, sender.length()) > MAX_SENDER_NAME) {
                problems.add(new FieldProblem("senderName", "must be at most " + MAX_SENDER_NAME + " characters"));
            } else if (CONTROL.matcher(sender).find()) {
                problems.add(new FieldProblem("senderName", "must not contain control characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new PublicBranding(logoUrl, primary, accent, sender);
    }

    /** {@code https://host[:port]} of a validated URL. */
    static String origin(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return "https://" + host + (url.getPort() == -1 || url.getPort() == 443 ? "" : ":" + url.getPort());
    }

    private static boolean httpsUrl(String value) {
        try {
            URI url = new URI(value);
            return "https".equalsIgnoreCase(url.getScheme()) && url.getRawUserInfo() == null && url.getHost() != null
                    && HOST.matcher(url.getHost().toLowerCase(Locale.ROOT)).matches() && !value.contains(" ")
                    && !CONTROL.matcher(value).find();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String color(@Nullable String value, String field, List<FieldProblem> problems) {
        String color = blankAsNull(value);
        if (color == null) {
            return null;
        }
        if (!COLOR.matcher(color).matches()) {
            problems.add(new FieldProblem(field, "must be a colour as #rrggbb, e.g. #0f766e"));
            return null;
        }
        return color.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankAsNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
