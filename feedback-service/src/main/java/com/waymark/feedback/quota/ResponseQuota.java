package com.waymark.feedback.quota;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.platform.access.AccessModel;

/**
 * The responses-per-month quota of an agency's plan (starter 10,000, growth 250,000, scale and unknown
 * plans unlimited), counted in a per-agency monthly counter row that the storing transaction updates:
 * no count over the response table. Runs inside the caller's transaction, under a tenant context of
 * that agency (row-level security); the counter row stays locked until it ends, which serialises the
 * quota decisions of one agency.
 */
@Component
public class ResponseQuota {

    /** ARCHITECTURE.md "Plans and quotas"; a plan not named here (scale, or none known yet) has no limit. */
    static final Map<String, Integer> RESPONSES_PER_MONTH = Map.of("starter", 10_000, "growth", 250_000);

    private final JdbcClient jdbc;
    private final AccessModel access;
    private final Clock clock = Clock.systemUTC();

    ResponseQuota(JdbcClient jdbc, AccessModel access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** How many responses the agency may still store this month, its counter locked until the transaction ends. */
    public record Allowance(UUID tenantId, String plan, @Nullable Integer limit, int used) {

        /** Integer.MAX_VALUE when the plan has no limit. */
        public int remaining() {
            return limit == null ? Integer.MAX_VALUE : Math.max(0, limit - used);
        }

        public QuotaExceededException exceeded() {
            return new QuotaExceededException(plan, limit == null ? Integer.MAX_VALUE : limit);
        }
    }

    /** Locks and reads the agency's counter for this month (creating it at zero). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Allowance open(UUID tenantId) {
        int used = jdbc.sql("""
                insert into response_usage (tenant_id, month, responses) values (?, ?, 0)
                on conflict (tenant_id, month) do update set responses = response_usage.responses
                returning responses""")
                .params(tenantId, month()).query(Integer.class).single();
        String plan = access.findPlan(tenantId).orElse("unknown");
        return new Allowance(tenantId, plan, RESPONSES_PER_MONTH.get(plan), used);
    }

    /** Counts {@code stored} new responses this month (after {@link #open}, in the same transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(UUID tenantId, int stored) {
        if (stored > 0) {
            jdbc.sql("update response_usage set responses = responses + ? where tenant_id = ? and month = ?")
                    .params(stored, tenantId, month()).update();
        }
    }

    /**
     * For writers that learn their count at the end (CSV import): counts {@code stored} new responses, or
     * throws {@link QuotaExceededException} when they do not fit, so the caller's transaction rolls back
     * and nothing is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(UUID tenantId, int stored) {
        if (stored <= 0) {
            return;
        }
        Allowance allowance = open(tenantId);
        if (stored > allowance.remaining()) {
            throw allowance.exceeded();
        }
        add(tenantId, stored);
    }

    /** This month's figure, for reads. */
    @Transactional(readOnly = true)
    public int used(UUID tenantId) {
        return jdbc.sql("select responses from response_usage where tenant_id = ? and month = ?")
                .params(tenantId, month()).query(Integer.class).optional().orElse(0);
    }

    private LocalDate month() {
        return LocalDate.now(clock).withDayOfMonth(1);
    }
}
