package com.waymark.tenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;

class AuditFilterTest {

    @Test
    void blankFiltersMeanNoFilter() {
        assertThat(AuditFilter.parse(" ", null, "")).isEqualTo(new AuditFilter(null, null, null));
    }

    @Test
    void validFiltersAreParsed() {
        AuditFilter filter = AuditFilter.parse("member.role-changed", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z");

        assertThat(filter.action()).isEqualTo("member.role-changed");
        assertThat(filter.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void everyBadFilterIsNamed() {
        assertThatThrownBy(() -> AuditFilter.parse("no spaces.please x", "soon", "later"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field).containsExactly("action", "from", "to"));
        assertThatThrownBy(() -> AuditFilter.parse(null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field).containsExactly("to"));
    }

    @Test
    void theClientAddressIsTheFirstForwardedHopElseThePeer() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.9");
        assertThat(AuditLog.clientAddress(request)).isEqualTo("10.0.0.9");

        request.addHeader("X-Forwarded-For", " 198.51.100.4 , 10.0.0.1");
        assertThat(AuditLog.clientAddress(request)).isEqualTo("198.51.100.4");
    }

    @Test
    void idsMergeInTheDatabasesOrderWhichIsCreationOrder() {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            created.add(Uuids.timeOrdered());
        }
        List<UUID> shuffled = new ArrayList<>(created);
        java.util.Collections.shuffle(shuffled);

        shuffled.sort(AuditService.DATABASE_ORDER);

        assertThat(shuffled).isEqualTo(created);
        // unsigned: a least-significant half with its top bit set still sorts after one without
        assertThat(AuditService.DATABASE_ORDER.compare(new UUID(1, 0x8000000000000000L), new UUID(1, 1))).isPositive();
    }
}
