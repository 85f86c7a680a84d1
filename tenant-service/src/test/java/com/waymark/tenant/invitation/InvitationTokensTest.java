package com.waymark.tenant.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationTokensTest {

    @Test
    void tokensAreUrlSafeWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = InvitationTokens.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(InvitationTokens.wellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theStoredHashIsSha256HexAndNotTheToken() {
        String token = InvitationTokens.generate();

        assertThat(InvitationTokens.hash(token)).matches("[0-9a-f]{64}").isNotEqualTo(token)
                .isEqualTo(InvitationTokens.hash(token));
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(InvitationTokens.wellFormed("short")).isFalse();
        assertThat(InvitationTokens.wellFormed("x".repeat(42) + "/")).isFalse();
        assertThat(InvitationTokens.wellFormed("x".repeat(44))).isFalse();
    }
}
