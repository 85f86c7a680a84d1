package com.waymark.tenant.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import com.waymark.platform.error.ValidationException;

class SsoInputTest {

    @Test
    void httpAndHttpsUrlsWithAHostAreAccepted() {
        assertThat(SsoInput.httpUrl("issuer", " https://login.acme.example/realms/acme ")).isEqualTo("https://login.acme.example/realms/acme");
        assertThat(SsoInput.httpUrl("issuer", "http://localhost:18180/realms/acme-corp")).isEqualTo("http://localhost:18180/realms/acme-corp");
    }

    @Test
    void otherSchemesRelativeUrlsUserInfoAndFragmentsAreRejectedNamingTheField() {
        for (String bad : List.of("ftp://acme.example", "javascript:alert(1)", "/relative", "acme.example", "https://",
                "https://user:pw@acme.example", "https://acme.example/#x", "not a url")) {
            assertThatThrownBy(() -> SsoInput.httpUrl("tokenUrl", bad)).as(bad).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("tokenUrl"));
        }
    }

    @Test
    void domainsAreLowerCasedAndDeduplicatedInOrder() {
        assertThat(SsoInput.domains(List.of("Acme-Corp.Example", "eu.acme.example.", "acme-corp.example")))
                .containsExactly("acme-corp.example", "eu.acme.example");
    }

    @Test
    void somethingThatIsNotADomainNameIsRejectedNamingItsIndex() {
        for (String bad : List.of("localhost", "acme..example", "-acme.example", "acme.example/x", "pat@acme.example",
                "acme .example", "acme.123", "")) {
            assertThatThrownBy(() -> SsoInput.domains(List.of("ok.example", bad))).as(bad)
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("domains[1]"));
        }
    }
}
