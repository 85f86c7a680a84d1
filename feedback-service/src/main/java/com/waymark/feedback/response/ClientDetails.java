package com.waymark.feedback.response;

import org.jspecify.annotations.Nullable;

/**
 * What a respondent's request showed about its client. Kept with the response only when the
 * workspace's respondent-privacy settings say so.
 */
public record ClientDetails(@Nullable String address, @Nullable String userAgent) {

    static final int MAX_ADDRESS = 64;
    static final int MAX_USER_AGENT = 500;

    public static final ClientDetails NONE = new ClientDetails(null, null);

    public ClientDetails {
        address = cut(address, MAX_ADDRESS);
        userAgent = cut(userAgent, MAX_USER_AGENT);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
