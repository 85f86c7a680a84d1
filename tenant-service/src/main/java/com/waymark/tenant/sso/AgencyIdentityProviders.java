package com.waymark.tenant.sso;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code identity_provider} and {@code sso_grant}: call with the agency's tenant-wide context. */
@Repository
class AgencyIdentityProviders {

    private static final String COLUMNS = "tenant_id, alias, provider_type, display_name, issuer, client_id, "
            + "array_to_string(domains, ',') as domains, default_role, created_at, updated_at";

    private final JdbcClient jdbc;

    AgencyIdentityProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredProvider> find(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + " from identity_provider where tenant_id = ?").param(tenantId)
                .query(AgencyIdentityProviders::map).optional();
    }

    /** Inserts or replaces the agency's provider; returns it as stored. */
    StoredProvider save(StoredProvider provider) {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("""
                insert into identity_provider (tenant_id, alias, provider_type, display_name, issuer, client_id, domains,
                                               default_role, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?)
                on conflict (tenant_id) do update
                set alias = excluded.alias, provider_type = excluded.provider_type, display_name = excluded.display_name,
                    issuer = excluded.issuer, client_id = excluded.client_id, domains = excluded.domains,
                    default_role = excluded.default_role, updated_at = excluded.updated_at""")
                .params(provider.tenantId(), provider.alias(), provider.type(), provider.displayName(), provider.issuer(),
                        provider.clientId(), String.join(",", provider.domains()), provider.defaultRole(), now, now)
                .update();
        return find(provider.tenantId()).orElseThrow();
    }

    boolean delete(UUID tenantId) {
        return jdbc.sql("delete from identity_provider where tenant_id = ?").param(tenantId).update() > 0;
    }

    /** Records that the user got the provider's default role; false when they already had once. */
    boolean recordGrant(UUID tenantId, UUID userId, String alias, String role) {
        return jdbc.sql("""
                insert into sso_grant (tenant_id, user_id, alias, role, granted_at) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, user_id) do nothing""")
                .params(tenantId, userId, alias, role, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
                .update() > 0;
    }

    private static StoredProvider map(ResultSet rs, int row) throws SQLException {
        return new StoredProvider(rs.getObject("tenant_id", UUID.class), rs.getString("alias"), rs.getString("provider_type"),
                rs.getString("display_name"), rs.getString("issuer"), rs.getString("client_id"),
                Arrays.asList(rs.getString("domains").split(",")), rs.getString("default_role"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
