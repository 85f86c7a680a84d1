package com.waymark.feedback.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets at rest: AES-GCM with the configured key, a fresh nonce each time, and the webhook
 * id as associated data, so a secret copied onto another webhook's row does not decrypt. A database
 * dump alone does not let anyone forge signatures.
 */
@Component
class SecretBox {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(WebhookProperties properties) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(properties.secretKey().strip()), "AES");
    }

    /** A new signing secret: 32 random bytes, URL-safe base64, prefixed so people recognise it. */
    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(UUID webhookId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(webhookId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    String open(UUID webhookId, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown webhook secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(webhookId));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the secret of webhook " + webhookId + " (wrong key?)", e);
        }
    }

    private static byte[] aad(UUID webhookId) {
        return webhookId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
