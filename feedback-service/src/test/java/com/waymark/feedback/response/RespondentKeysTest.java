package com.waymark.feedback.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RespondentKeysTest {

    static final UUID WS = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void keyIsTheLowercaseHexSha256OfWorkspaceAndValue() {
        // sha256("00000000-0000-0000-0000-000000000001:abc"), computed with sha256sum
        assertThat(RespondentKeys.of(WS, "abc", null))
                .isEqualTo("40b51806b91353f0734fb92133eee8ddc34c294d5a4dba328fcf99262d88affa");
    }

    @Test
    void externalIdIsPreferredOverEmailAndEmailIsTrimmedAndLowercased() {
        assertThat(RespondentKeys.of(WS, " cust-42 ", "ada@example.test")).isEqualTo(RespondentKeys.of(WS, "cust-42", null));
        assertThat(RespondentKeys.of(WS, null, "  Ada@Example.TEST ")).isEqualTo(RespondentKeys.of(WS, null, "ada@example.test"));
        assertThat(RespondentKeys.of(WS, "  ", "ada@example.test")).isEqualTo(RespondentKeys.of(WS, null, "ada@example.test"));
        // an external id keeps its case: it is the other system's identifier
        assertThat(RespondentKeys.of(WS, "Cust-42", null)).isNotEqualTo(RespondentKeys.of(WS, "cust-42", null));
    }

    @Test
    void theSamePersonHasDifferentKeysInDifferentWorkspacesAndAnonymousOnesNone() {
        assertThat(RespondentKeys.of(WS, "cust-42", null)).isNotEqualTo(RespondentKeys.of(UUID.randomUUID(), "cust-42", null));
        assertThat(RespondentKeys.of(WS, null, null)).isNull();
        assertThat(RespondentKeys.of(WS, " ", "")).isNull();
    }
}
