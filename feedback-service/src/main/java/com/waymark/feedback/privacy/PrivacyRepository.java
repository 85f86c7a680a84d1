package com.waymark.feedback.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code respondent_privacy} row of a workspace, under the tenant context (row-level security). */
@Repository
class PrivacyRepository {

    record Stored(RespondentPrivacy settings, int version) {
    }

    private final JdbcClient jdbc;

    PrivacyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID workspaceId, boolean forUpdate) {
        return jdbc.sql("select store_client_address, store_user_agent, version from respondent_privacy where workspace_id = ?"
                        + (forUpdate ? " for update" : ""))
                .param(workspaceId)
                .query((rs, row) -> new Stored(new RespondentPrivacy(rs.getBoolean("store_client_address"),
                        rs.getBoolean("store_user_agent")), rs.getInt("version")))
                .optional();
    }

    void save(UUID tenantId, UUID workspaceId, RespondentPrivacy settings, int version, Instant now) {
        jdbc.sql("""
                insert into respondent_privacy (tenant_id, workspace_id, store_client_address, store_user_agent, version, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (workspace_id) do update set store_client_address = excluded.store_client_address,
                    store_user_agent = excluded.store_user_agent, version = excluded.version, updated_at = excluded.updated_at""")
                .params(tenantId, workspaceId, settings.storeClientAddress(), settings.storeUserAgent(), version,
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }
}
