package com.waymark.mapping.channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.messaging.Uuids;

/** The channels of a workspace. Other features only ask whether a channel exists. */
@Repository
public class Channels {

    private final JdbcClient jdbc;

    Channels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code channelId} is a channel of {@code workspaceId} (another workspace's channel is not). */
    public boolean exists(UUID workspaceId, UUID channelId) {
        return jdbc.sql("select exists (select 1 from channel where workspace_id = ? and id = ?)")
                .params(workspaceId, channelId).query(Boolean.class).single();
    }

    /** Every channel of the workspace, by id (a workspace has a handful). */
    public List<Channel> all(UUID workspaceId) {
        return jdbc.sql("select id, name from channel where workspace_id = ? order by id")
                .param(workspaceId).query(Channel.class).list();
    }

    /** The workspace's channel of that name (any case), created when it has none. */
    public Channel findOrCreate(UUID tenantId, UUID workspaceId, String name) {
        return named(workspaceId, name).or(() -> insert(tenantId, workspaceId, name))
                // lost a race with a concurrent insert of the same name: it exists now
                .or(() -> named(workspaceId, name))
                .orElseThrow();
    }

    private Optional<Channel> named(UUID workspaceId, String name) {
        return jdbc.sql("select id, name from channel where workspace_id = ? and lower(name) = lower(?)")
                .params(workspaceId, name).query(Channel.class).optional();
    }

    List<Channel> list(UUID workspaceId, @Nullable UUID after, int limitPlusOne) {
        return jdbc.sql("""
                select id, name from channel
                where workspace_id = :workspace and (cast(:after as uuid) is null or id > cast(:after as uuid))
                order by id limit :limit""")
                .param("workspace", workspaceId).param("after", after).param("limit", limitPlusOne)
                .query(Channel.class).list();
    }

    Optional<Channel> find(UUID workspaceId, UUID channelId) {
        return jdbc.sql("select id, name from channel where workspace_id = ? and id = ?")
                .params(workspaceId, channelId).query(Channel.class).optional();
    }

    /** Inserts unless the workspace already has a channel of that name (any case); empty then. */
    Optional<Channel> insert(UUID tenantId, UUID workspaceId, String name) {
        return insert(tenantId, workspaceId, Uuids.timeOrdered(), name);
    }

    /** True when renamed; false when the name is taken by another channel of the workspace. */
    boolean rename(UUID workspaceId, UUID channelId, String name) {
        return jdbc.sql("""
                update channel set name = :name
                where workspace_id = :workspace and id = :id
                  and not exists (select 1 from channel other where other.workspace_id = :workspace
                                  and lower(other.name) = lower(:name) and other.id <> :id)""")
                .param("workspace", workspaceId).param("id", channelId).param("name", name)
                .update() == 1;
    }

    boolean delete(UUID workspaceId, UUID channelId) {
        return jdbc.sql("delete from channel where workspace_id = ? and id = ?").params(workspaceId, channelId).update() == 1;
    }

    /**
     * Gives a new workspace its starting channels, once: a workspace seeded before is left alone
     * (its channels may have been renamed or deleted since), as are names it already has. Ids are
     * issued in display order, which is the list order.
     */
    int seed(UUID tenantId, UUID workspaceId, List<String> names) {
        int first = jdbc.sql("insert into channel_seeding (tenant_id, workspace_id) values (?, ?) on conflict do nothing")
                .params(tenantId, workspaceId).update();
        if (first == 0) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        names.forEach(name -> ids.add(Uuids.timeOrdered()));
        // time-ordered ids minted within one millisecond are not ordered among themselves
        ids.sort(Comparator.naturalOrder());
        int inserted = 0;
        for (int i = 0; i < names.size(); i++) {
            inserted += insert(tenantId, workspaceId, ids.get(i), names.get(i)).isPresent() ? 1 : 0;
        }
        return inserted;
    }

    private Optional<Channel> insert(UUID tenantId, UUID workspaceId, UUID id, String name) {
        return jdbc.sql("""
                insert into channel (tenant_id, workspace_id, id, name) values (?, ?, ?, ?)
                on conflict do nothing returning id, name""")
                .params(tenantId, workspaceId, id, name).query(Channel.class).optional();
    }
}
