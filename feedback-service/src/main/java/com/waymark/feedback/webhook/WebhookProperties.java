package com.waymark.feedback.webhook;

import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secretKey              base64 of a 128-, 192- or 256-bit AES key that encrypts webhook secrets at rest
 *                               (set your own in production; rotating it makes existing secrets unreadable)
 * @param allowInsecureLocalhost also accept {@code http://localhost} and {@code http://127.0.0.1} targets (development
 *                               and tests); otherwise only https to public addresses
 * @param maxAttempts            attempts per delivery before it is marked failed
 * @param retryBase              wait before the first retry; doubled per attempt (with jitter), at most {@code retryMax}
 * @param retryMax               longest wait between two attempts
 * @param connectTimeout         TCP/TLS connect timeout per attempt
 * @param readTimeout            how long to wait for the endpoint's answer per attempt
 * @param pollInterval           how often the sender looks for due deliveries when not nudged
 * @param senderThreads          concurrent deliveries per instance (bounded; ingestion never waits for them)
 * @param lease                  how long a claimed delivery stays with one sender before another may take it over
 */
@ConfigurationProperties("waymark.feedback.webhooks")
record WebhookProperties(
        String secretKey,
        @DefaultValue("false") boolean allowInsecureLocalhost,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration retryBase,
        @DefaultValue("6h") Duration retryMax,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int senderThreads,
        @DefaultValue("60s") Duration lease) {

    WebhookProperties {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("waymark.feedback.webhooks.secret-key must be set (base64 AES key)");
        }
        int length;
        try {
            length = Base64.getDecoder().decode(secretKey.strip()).length;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("waymark.feedback.webhooks.secret-key must be base64");
        }
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException("waymark.feedback.webhooks.secret-key must be 16, 24 or 32 bytes (base64)");
        }
        if (maxAttempts < 1 || senderThreads < 1) {
            throw new IllegalArgumentException("waymark.feedback.webhooks.max-attempts and sender-threads must be positive");
        }
        if (lease.compareTo(connectTimeout.plus(readTimeout).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("waymark.feedback.webhooks.lease must be at least twice connect + read timeout");
        }
    }
}
