package com.waymark.tenant.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {

    @Test
    void passwordsAreLongMixedAndFreeOfLookAlikes() {
        for (int i = 0; i < 200; i++) {
            String password = TemporaryPasswords.generate();
            assertThat(password).hasSize(TemporaryPasswords.LENGTH)
                    .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[2-9]")
                    .doesNotContainPattern("[0O1lI]");
        }
    }

    @Test
    void passwordsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(TemporaryPasswords.generate());
        }
        assertThat(seen).hasSize(1000);
    }
}
