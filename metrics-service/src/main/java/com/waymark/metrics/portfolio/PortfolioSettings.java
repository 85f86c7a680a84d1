package com.waymark.metrics.portfolio;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An agency's portfolio settings ({@code portfolio_settings}, one row per tenant under the nil workspace
 * id). Without a row industry benchmarks are off: comparing clients is the agency's choice.
 */
@Repository
class PortfolioSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    PortfolioSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean industryBenchmarks(UUID tenantId) {
        return jdbc.sql("select industry_benchmarks from portfolio_settings where tenant_id = ?").param(tenantId)
                .query(Boolean.class).optional().orElse(false);
    }

    void save(UUID tenantId, boolean industryBenchmarks) {
        jdbc.sql("""
                insert into portfolio_settings (tenant_id, industry_benchmarks, updated_at) values (?, ?, ?)
                on conflict (workspace_id, tenant_id) do update
                   set industry_benchmarks = excluded.industry_benchmarks, updated_at = excluded.updated_at""")
                .params(tenantId, industryBenchmarks, Timestamp.from(clock.instant())).update();
    }
}
