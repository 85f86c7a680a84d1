package com.waymark.platform.purge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes every row of a tenant (or one workspace) from every table of the service that carries
 * {@code tenant_id} (or {@code workspace_id}), children before parents so foreign keys hold. Tables
 * are found in the catalog, so a table added later is purged without anyone remembering to.
 * Runs as the application role under the purged scope's tenant context: row-level security still applies.
 */
public class TablePurger {

    /** Platform bookkeeping purged explicitly (or kept: ids only) rather than by column. */
    private static final Set<String> EXCLUDED = Set.of("outbox", "inbox", "flyway_schema_history", "access_tenant",
            "access_workspace", "access_membership", "purged_scope");

    private final JdbcClient jdbc;

    public TablePurger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the scope's rows; returns how many rows went, over all tables. */
    public long purge(UUID tenantId, @Nullable UUID workspaceId) {
        String column = workspaceId == null ? "tenant_id" : "workspace_id";
        UUID id = workspaceId == null ? tenantId : workspaceId;
        long deleted = 0;
        for (String table : deletionOrder(tablesWith(column))) {
            deleted += jdbc.sql("delete from " + quote(table) + " where " + column + " = ?").param(id).update();
        }
        deleted += jdbc.sql("delete from outbox where sent_at is not null and " + column + " = ?").param(id).update();
        if (workspaceId == null) {
            List<UUID> workspaces = jdbc.sql("select workspace_id from access_workspace where tenant_id = ?")
                    .param(tenantId).query(UUID.class).list();
            for (UUID workspace : workspaces) {
                deleted += jdbc.sql("delete from access_membership where scope_id = ?").param(workspace).update();
            }
            deleted += jdbc.sql("delete from access_membership where scope_id = ?").param(tenantId).update();
            deleted += jdbc.sql("delete from access_workspace where tenant_id = ?").param(tenantId).update();
            deleted += jdbc.sql("delete from access_tenant where tenant_id = ?").param(tenantId).update();
        } else {
            deleted += jdbc.sql("delete from access_membership where scope_id = ?").param(workspaceId).update();
            deleted += jdbc.sql("delete from access_workspace where workspace_id = ?").param(workspaceId).update();
        }
        return deleted;
    }

    private List<String> tablesWith(String column) {
        return jdbc.sql("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid
                where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = ? and not a.attisdropped
                order by c.relname""")
                .param(column).query(String.class).list()
                .stream().filter(table -> !EXCLUDED.contains(table)).toList();
    }

    /** Referencing tables first (Kahn's algorithm over the foreign keys among the given tables). */
    List<String> deletionOrder(List<String> tables) {
        Set<String> candidates = new LinkedHashSet<>(tables);
        Map<String, Set<String>> referencedBy = new HashMap<>();
        jdbc.sql("""
                select child.relname as child, parent.relname as parent from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_class parent on parent.oid = k.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where k.contype = 'f' and n.nspname = 'public'""")
                .query((rs, i) -> Map.entry(rs.getString("child"), rs.getString("parent"))).list()
                .forEach(edge -> {
                    if (!edge.getKey().equals(edge.getValue()) && candidates.contains(edge.getKey())
                            && candidates.contains(edge.getValue())) {
                        referencedBy.computeIfAbsent(edge.getValue(), k -> new HashSet<>()).add(edge.getKey());
                    }
                });
        return order(candidates, referencedBy);
    }

    static List<String> order(Set<String> tables, Map<String, Set<String>> referencedBy) {
        Map<String, Integer> pendingChildren = new HashMap<>();
        tables.forEach(table -> pendingChildren.put(table, referencedBy.getOrDefault(table, Set.of()).size()));
        Map<String, List<String>> parentsOf = new HashMap<>();
        referencedBy.forEach((parent, children) -> children.forEach(
                child -> parentsOf.computeIfAbsent(child, k -> new ArrayList<>()).add(parent)));
        Deque<String> ready = new ArrayDeque<>();
        tables.stream().filter(table -> pendingChildren.get(table) == 0).forEach(ready::add);
        List<String> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            String table = ready.poll();
            ordered.add(table);
            for (String parent : parentsOf.getOrDefault(table, List.of())) {
                if (pendingChildren.merge(parent, -1, Integer::sum) == 0) {
                    ready.add(parent);
                }
            }
        }
        // a cycle cannot be ordered; those tables go last and rely on cascading or deferred keys
        tables.stream().filter(table -> !ordered.contains(table)).forEach(ordered::add);
        return ordered;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
