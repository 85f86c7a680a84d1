package com.waymark.feedback.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Waymark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, keyed with the
 * webhook's secret (its UTF-8 text). The time is signed too, so a receiver can refuse replays of old
 * deliveries; a {@code v1=} scheme name leaves room for another algorithm later.
 */
final class WebhookSignature {

    static final String HEADER = "Waymark-Signature";

    private WebhookSignature() {
    }

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
