package com.waymark.tenant.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.error.NotFoundException;

/**
 * The agency catalogue. The {@code tenant} table has no row-level security: it is platform-level
 * data the platform admin lists across agencies; agency users only reach a row by an id the access
 * check has already granted them.
 */
@Repository
public class Tenants {

    /** Sorts before every other id: the start of the first page. */
    public static final UUID NIL = new UUID(0, 0);

    private static final String COLUMNS = "id, name, slug, plan, status, organization_id, created_at, version";

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = ?").param(id).query(Tenants::map).optional();
    }

    /** The tenant, locked until the transaction ends: serializes quota checks of one agency. */
    public Tenant lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id = ? for update").param(id).query(Tenants::map)
                .optional().orElseThrow(() -> new NotFoundException("Tenant " + id));
    }

    /** Keyset page in creation order: {@code limit} rows after {@code after}. */
    public List<Tenant> page(@Nullable UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from tenant where id > ? order by id limit ?")
                .params(after == null ? NIL : after, limit).query(Tenants::map).list();
    }

    /** Every agency's id, deleted ones included (their audit rows live until the purge removes them). */
    public List<UUID> allIds() {
        return jdbc.sql("select id from tenant order by id").query(UUID.class).list();
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("select exists (select 1 from tenant where slug = ?)").param(slug).query(Boolean.class).single();
    }

    public boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("select exists (select 1 from tenant where name = ? and id <> ?)")
                .params(name, except == null ? NIL : except).query(Boolean.class).single();
    }

    public void insert(Tenant tenant) {
        jdbc.sql("""
                insert into tenant (id, name, slug, plan, status, organization_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.id(), tenant.name(), tenant.slug(), tenant.plan().value(), tenant.status(),
                        tenant.organizationId(), Timestamp.from(tenant.createdAt()))
                .update();
    }

    /** Stores the change and bumps the version; returns the agency as stored. */
    public Tenant update(Tenant tenant) {
        jdbc.sql("update tenant set name = ?, plan = ?, status = ?, version = version + 1, updated_at = now() where id = ?")
                .params(tenant.name(), tenant.plan().value(), tenant.status(), tenant.id()).update();
        return find(tenant.id()).orElseThrow();
    }

    /**
     * Marks the agency deleted and replaces its name and slug with placeholders derived from its id,
     * so the catalogue keeps nothing of a deleted agency but ids, plan and timestamps (and its slug and
     * name are free again).
     */
    public void markDeleting(UUID id) {
        jdbc.sql("update tenant set status = 'deleting', name = ?, slug = ?, version = version + 1, updated_at = now() where id = ?")
                .params("Deleted agency " + id, "d-" + id, id).update();
    }

    private static Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                Plan.of(rs.getString("plan")), rs.getString("status"), rs.getString("organization_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
