package com.waymark.mapping.journey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import com.waymark.mapping.channel.Channel;

/**
 * Reads a whole map — the hot read of the service (a big map is ~1,000 touchpoints, ~1 MB of JSON) —
 * in <b>one round trip</b>: the seven queries (one per table, each with exactly the columns the map
 * shows) go to PostgreSQL as one multi-statement batch and come back as seven result sets, instead of
 * seven request/response turns. Rows are mapped by column index, and touchpoints come unsorted (the
 * database would sort ~1 MB of rows by stage and position; grouping them by stage here is cheaper).
 * The number of statements and table scans does not depend on the map's size.
 */
@Repository
class MapReader {

    private static final String JOURNEY = """
            select id, name, persona_id, state, owner_name, review_every_days, description, last_reviewed_at,
                   last_reviewed_at + make_interval(days => review_every_days),
                   last_reviewed_at + make_interval(days => review_every_days) < now(),
                   version, created_at, updated_at
              from journey where workspace_id = ? and id = ?""";
    private static final String STAGES = "select id, journey_id, name, position from stage where workspace_id = ? and journey_id = ? order by position";
    private static final String TOUCHPOINTS = "select " + Touchpoints.COLUMNS + " from touchpoint where workspace_id = ? and journey_id = ?";
    /** A workspace has a handful of channels: all of them, the map keeps those its touchpoints use. */
    private static final String CHANNELS = "select id, name from channel where workspace_id = ? order by id";
    private static final String PAIN_POINTS = """
            select id, journey_id, stage_id, touchpoint_id, title, description, severity, created_at
              from pain_point where workspace_id = ? and journey_id = ? order by id""";
    private static final String OPPORTUNITIES = """
            select id, journey_id, pain_point_id, title, description, impact, effort, status, owner, created_at
              from opportunity where workspace_id = ? and journey_id = ? order by id""";
    private static final String EVIDENCE = """
            select id, journey_id, stage_id, touchpoint_id, kind, text, source, link, created_at
              from evidence where workspace_id = ? and journey_id = ? order by id""";

    private static final String BATCH = String.join(";\n", JOURNEY, STAGES, TOUCHPOINTS, CHANNELS, PAIN_POINTS, OPPORTUNITIES, EVIDENCE);
    /**
     * The same, first in a transaction of its own: it makes that transaction a repeatable-read one (one
     * snapshot for all seven queries) in the same round trip, where Spring would set and reset the
     * session's isolation level with two more.
     */
    private static final String SNAPSHOT_BATCH = "set transaction isolation level repeatable read;\n" + BATCH;

    private final JdbcTemplate jdbc;

    MapReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The map within the caller's transaction (which decides how consistent it is); empty when there is no such journey. */
    Optional<JourneyMap> read(UUID workspaceId, UUID journeyId) {
        return run(BATCH, workspaceId, journeyId);
    }

    /**
     * The map as one consistent snapshot. Must be the first statement of its transaction (a read-only
     * one of default isolation: it raises it to repeatable read itself).
     */
    Optional<JourneyMap> readSnapshot(UUID workspaceId, UUID journeyId) {
        return run(SNAPSHOT_BATCH, workspaceId, journeyId);
    }

    private Optional<JourneyMap> run(String sql, UUID workspaceId, UUID journeyId) {
        return Optional.ofNullable(jdbc.execute(sql, (PreparedStatement statement) -> {
            int parameter = 1;
            for (int query = 0; query < 7; query++) {
                statement.setObject(parameter++, workspaceId);
                if (query != 3) { // channels: by workspace only
                    statement.setObject(parameter++, journeyId);
                }
            }
            Results results = new Results();
            boolean isResultSet = statement.execute();
            int index = 0;
            while (isResultSet || statement.getUpdateCount() != -1) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        results.read(index++, rs);
                    }
                }
                isResultSet = statement.getMoreResults();
            }
            return results.map();
        }));
    }

    /** The seven result sets, in batch order. */
    private static final class Results {

        private @Nullable Journey journey;
        private final List<Stage> stages = new ArrayList<>();
        private final List<Touchpoint> touchpoints = new ArrayList<>(512);
        private final List<Channel> channels = new ArrayList<>();
        private final List<PainPoint> painPoints = new ArrayList<>();
        private final List<Opportunity> opportunities = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();

        void read(int index, ResultSet rs) throws SQLException {
            int row = 0;
            while (rs.next()) {
                switch (index) {
                    case 0 -> journey = journey(rs);
                    case 1 -> stages.add(new Stage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4)));
                    case 2 -> touchpoints.add(Touchpoints.map(rs, row));
                    case 3 -> channels.add(new Channel(rs.getObject(1, UUID.class), rs.getString(2)));
                    case 4 -> painPoints.add(new PainPoint(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                            rs.getInt(7), instant(rs, 8)));
                    case 5 -> opportunities.add(new Opportunity(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                            rs.getString(8), rs.getString(9), instant(rs, 10)));
                    case 6 -> evidence.add(new Evidence(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), instant(rs, 9)));
                    default -> throw new IllegalStateException("unexpected result set " + index);
                }
                row++;
            }
        }

        @Nullable JourneyMap map() {
            if (journey == null) {
                return null;
            }
            Map<UUID, List<Touchpoint>> byStage = new HashMap<>();
            Set<UUID> channelsUsed = new HashSet<>();
            for (Touchpoint touchpoint : touchpoints) {
                byStage.computeIfAbsent(touchpoint.stageId(), id -> new ArrayList<>()).add(touchpoint);
                if (touchpoint.channelId() != null) {
                    channelsUsed.add(touchpoint.channelId());
                }
            }
            List<JourneyMap.StageView> stageViews = new ArrayList<>(stages.size());
            for (Stage stage : stages) {
                List<Touchpoint> ofStage = byStage.getOrDefault(stage.id(), new ArrayList<>());
                ofStage.sort(Comparator.comparingInt(Touchpoint::position));
                stageViews.add(new JourneyMap.StageView(stage.id(), stage.journeyId(), stage.name(), stage.position(),
                        List.copyOf(ofStage)));
            }
            List<Channel> used = channels.stream().filter(channel -> channelsUsed.contains(channel.id())).toList();
            Journey j = journey;
            return new JourneyMap(j.id(), j.name(), j.personaId(), j.state(), j.ownerName(), j.reviewEveryDays(),
                    j.description(), j.lastReviewedAt(), j.reviewDueAt(), j.reviewDue(), j.version(), j.createdAt(),
                    j.updatedAt(), List.copyOf(stageViews), List.copyOf(painPoints), List.copyOf(opportunities),
                    List.copyOf(evidence), used);
        }

        private static Journey journey(ResultSet rs) throws SQLException {
            return new Journey(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                    rs.getString(5), rs.getInt(6), rs.getString(7), instant(rs, 8), instant(rs, 9), rs.getBoolean(10),
                    rs.getLong(11), instant(rs, 12), instant(rs, 13));
        }

        private static Instant instant(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class).toInstant();
        }
    }
}
