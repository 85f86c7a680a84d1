package com.waymark.feedback.response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The pseudonymous respondent key published with a response: lowercase hex SHA-256 of
 * {@code workspaceId + ":" + value}, the value being the respondent's external id (trimmed) or, without
 * one, their e-mail (trimmed, lowercased). It links one person's answers across surveys of a workspace
 * (driver analysis) without the clear value ever leaving this service; the workspace in the hash keeps
 * keys of the same person in two workspaces apart.
 */
final class RespondentKeys {

    private RespondentKeys() {
    }

    static @Nullable String of(UUID workspaceId, @Nullable String externalId, @Nullable String email) {
        String value = normalized(externalId, false);
        if (value == null) {
            value = normalized(email, true);
        }
        if (value == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((workspaceId + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static @Nullable String normalized(@Nullable String value, boolean lowercase) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return lowercase ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
