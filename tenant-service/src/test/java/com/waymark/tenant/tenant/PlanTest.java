package com.waymark.tenant.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void quotasFollowThePlanTable() {
        assertThat(Plan.STARTER.limit(Quota.WORKSPACES)).hasValue(3);
        assertThat(Plan.GROWTH.limit(Quota.WORKSPACES)).hasValue(25);
        assertThat(Plan.SCALE.limit(Quota.WORKSPACES)).isEmpty();
        assertThat(Plan.STARTER.limit(Quota.MEMBERS)).hasValue(10);
        assertThat(Plan.GROWTH.limit(Quota.MEMBERS)).hasValue(100);
        assertThat(Plan.SCALE.limit(Quota.MEMBERS)).isEmpty();
    }

    @Test
    void thereIsRoomUntilTheLimitIsReached() {
        assertThatCode(() -> Plan.STARTER.requireRoomForOneMore(Quota.WORKSPACES, 2)).doesNotThrowAnyException();

        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class,
                () -> Plan.STARTER.requireRoomForOneMore(Quota.WORKSPACES, 3));

        assertThat(full.quota()).isEqualTo(Quota.WORKSPACES);
        assertThat(full.limit()).isEqualTo(3);
        assertThat(full.getMessage()).contains("starter").contains("3 workspaces");
    }

    @Test
    void scaleIsUnlimited() {
        assertThatCode(() -> Plan.SCALE.requireRoomForOneMore(Quota.MEMBERS, 1_000_000)).doesNotThrowAnyException();
    }

    @Test
    void plansAreKnownByTheirApiValue() {
        assertThat(Plan.fromValue("growth")).contains(Plan.GROWTH);
        assertThat(Plan.fromValue("Growth")).isEmpty();
    }
}
