package com.waymark.feedback.branding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workspace branding, under the tenant context (row-level security). */
@Repository
class BrandingRepository {

    private final JdbcClient jdbc;

    BrandingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Branding> find(UUID workspaceId, boolean forUpdate) {
        return jdbc.sql("""
                select workspace_id, logo_url, primary_color, accent_color, sender_name, version, updated_at
                from workspace_branding where workspace_id = ?""" + (forUpdate ? " for update" : ""))
                .param(workspaceId)
                .query((rs, row) -> new Branding(rs.getObject("workspace_id", UUID.class),
                        new PublicBranding(rs.getString("logo_url"), rs.getString("primary_color"),
                                rs.getString("accent_color"), rs.getString("sender_name")),
                        rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void save(UUID tenantId, Branding branding) {
        PublicBranding look = branding.look();
        Instant updatedAt = branding.updatedAt() == null ? Instant.now() : branding.updatedAt();
        jdbc.sql("""
                insert into workspace_branding (tenant_id, workspace_id, logo_url, primary_color, accent_color, sender_name,
                                                version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id) do update set logo_url = excluded.logo_url, primary_color = excluded.primary_color,
                    accent_color = excluded.accent_color, sender_name = excluded.sender_name, version = excluded.version,
                    updated_at = excluded.updated_at""")
                .params(tenantId, branding.workspaceId(), look.logoUrl(), look.primaryColor(), look.accentColor(),
                        look.senderName(), branding.version(), OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                .update();
    }
}
