package com.waymark.tenant.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import com.waymark.platform.error.ValidationException;

/** Checks what an agency admin types into the single sign-on settings; pure, so unit-tested. */
final class SsoInput {

    /** A DNS host name of at least two labels: letters, digits and inner hyphens, 1–63 per label. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern TOP_LEVEL = Pattern.compile(".*\\.[a-z][a-z0-9-]*[a-z0-9]$|.*\\.[a-z]$");

    private SsoInput() {
    }

    /** An absolute http or https URL with a host, without user info or fragment; returned trimmed. */
    static String httpUrl(String field, String value) {
        String trimmed = value.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new ValidationException(field, "must be an http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new ValidationException(field, "must be an http or https URL");
        }
        return trimmed;
    }

    /** A base64 (DER) or PEM X.509 certificate that really parses; returned as bare base64, as Keycloak stores it. */
    static String certificate(String field, String value) {
        String base64 = value.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s", "");
        try {
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                    new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)));
            return base64;
        } catch (IllegalArgumentException | java.security.cert.CertificateException e) {
            throw new ValidationException(field, "must be an X.509 certificate in base64 (DER) or PEM form");
        }
    }

    static @Nullable String optionalHttpUrl(String field, @Nullable String value) {
        return value == null || value.isBlank() ? null : httpUrl(field, value);
    }

    /** Lower-cased, without duplicates, in the given order; each must be a host name ({@code domains[i]} otherwise). */
    static List<String> domains(List<String> values) {
        Set<String> normalized = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String raw = values.get(i);
            String domain = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            if (!HOST_NAME.matcher(domain).matches() || !TOP_LEVEL.matcher(domain).matches()) {
                throw new ValidationException("domains[" + i + "]", "must be a domain name such as example.com");
            }
            normalized.add(domain);
        }
        return new ArrayList<>(normalized);
    }
}
