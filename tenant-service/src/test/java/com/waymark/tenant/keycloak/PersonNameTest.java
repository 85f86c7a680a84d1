package com.waymark.tenant.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void theFirstWordIsTheFirstNameAndTheRestTheLastName() {
        assertThat(PersonName.split("  Nina   van  Dijk ")).isEqualTo(new PersonName("Nina", "van Dijk"));
    }

    @Test
    void aSingleWordIsOnlyAFirstName() {
        assertThat(PersonName.split("Cora")).isEqualTo(new PersonName("Cora", null));
    }

    @Test
    void joiningSkipsMissingParts() {
        assertThat(PersonName.join("Cora", null)).isEqualTo("Cora");
        assertThat(PersonName.join(null, null)).isNull();
        assertThat(PersonName.join("Nina", "van Dijk")).isEqualTo("Nina van Dijk");
    }
}
