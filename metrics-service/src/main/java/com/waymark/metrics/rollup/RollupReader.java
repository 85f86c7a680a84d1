package com.waymark.metrics.rollup;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.metrics.score.Histogram;
import com.waymark.metrics.score.Metric;
import com.waymark.metrics.score.Tally;

/**
 * Reads the daily rollups: never the raw responses, so a query costs the same however many answers
 * a period holds. Days are inclusive UTC dates. A {@code null} segment means all segments.
 */
@Repository
public class RollupReader {

    private final JdbcClient jdbc;

    RollupReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per touchpoint (answers without one under {@link #isNoTouchpoint}'s key), everything in the period. */
    public Map<UUID, Tally> talliesByTouchpoint(UUID workspaceId, LocalDate from, LocalDate to, @Nullable String segment) {
        Map<UUID, Tally> tallies = new HashMap<>();
        String segmentFilter = segment == null ? "" : "and segment = :segment";
        JdbcClient.StatementSpec scores = jdbc.sql("""
                select touchpoint_key, metric, score, sum(answers) as answers from score_rollup
                where workspace_id = :ws and day between :from and :to %s
                group by touchpoint_key, metric, score""".formatted(segmentFilter));
        bind(scores, workspaceId, from, to, segment).query(rs -> {
            UUID touchpoint = rs.getObject("touchpoint_key", UUID.class);
            Metric metric = Metric.fromValue(rs.getString("metric")).orElseThrow();
            tallies.merge(touchpoint, Tally.EMPTY.plusAnswers(metric, rs.getInt("score"), rs.getLong("answers")), Tally::plus);
        });
        JdbcClient.StatementSpec responses = jdbc.sql("""
                select touchpoint_key, sum(responses) as responses, sum(nps_skipped) as nps_skipped,
                       sum(csat_skipped) as csat_skipped, sum(ces_skipped) as ces_skipped
                from response_rollup
                where workspace_id = :ws and day between :from and :to %s
                group by touchpoint_key""".formatted(segmentFilter));
        bind(responses, workspaceId, from, to, segment).query(rs -> {
            tallies.merge(rs.getObject("touchpoint_key", UUID.class), Tally.EMPTY.plusResponses(rs.getLong("responses"),
                    rs.getLong("nps_skipped"), rs.getLong("csat_skipped"), rs.getLong("ces_skipped")), Tally::plus);
        });
        return tallies;
    }

    /**
     * One metric's histogram per bucket start, for the whole workspace or only the given touchpoints
     * (an empty collection selects nothing). Buckets without answers are absent.
     */
    public Map<LocalDate, Histogram> histogramsByBucket(UUID workspaceId, Metric metric, Interval interval, LocalDate from,
            LocalDate to, @Nullable String segment, @Nullable Collection<UUID> touchpoints) {
        Map<LocalDate, Histogram> buckets = new TreeMap<>();
        if (touchpoints != null && touchpoints.isEmpty()) {
            return buckets;
        }
        String filters = (segment == null ? "" : " and segment = :segment")
                + (touchpoints == null ? "" : " and touchpoint_key in (:touchpoints)");
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select date_trunc(:unit, day::timestamp)::date as bucket, score, sum(answers) as answers
                from score_rollup
                where workspace_id = :ws and metric = :metric and day between :from and :to %s
                group by bucket, score""".formatted(filters))
                .param("unit", interval.value())
                .param("metric", metric.value());
        if (touchpoints != null) {
            statement = statement.param("touchpoints", touchpoints);
        }
        bind(statement, workspaceId, from, to, segment).query(rs -> {
            LocalDate bucket = rs.getObject("bucket", LocalDate.class);
            buckets.merge(bucket, Histogram.empty(metric).plus(rs.getInt("score"), rs.getLong("answers")), Histogram::plus);
        });
        return buckets;
    }

    /** Per workspace of the given ones, everything in the period (all touchpoints and segments). */
    public Map<UUID, Tally> talliesByWorkspace(Collection<UUID> workspaceIds, LocalDate from, LocalDate to) {
        Map<UUID, Tally> tallies = new HashMap<>();
        if (workspaceIds.isEmpty()) {
            return tallies;
        }
        jdbc.sql("""
                select workspace_id, metric, score, sum(answers) as answers from score_rollup
                where workspace_id in (:workspaces) and day between :from and :to
                group by workspace_id, metric, score""")
                .param("workspaces", workspaceIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(rs -> {
                    Metric metric = Metric.fromValue(rs.getString("metric")).orElseThrow();
                    tallies.merge(rs.getObject("workspace_id", UUID.class),
                            Tally.EMPTY.plusAnswers(metric, rs.getInt("score"), rs.getLong("answers")), Tally::plus);
                });
        jdbc.sql("""
                select workspace_id, sum(responses) as responses, sum(nps_skipped) as nps_skipped,
                       sum(csat_skipped) as csat_skipped, sum(ces_skipped) as ces_skipped
                from response_rollup
                where workspace_id in (:workspaces) and day between :from and :to
                group by workspace_id""")
                .param("workspaces", workspaceIds).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(rs -> {
                    tallies.merge(rs.getObject("workspace_id", UUID.class), Tally.EMPTY.plusResponses(rs.getLong("responses"),
                            rs.getLong("nps_skipped"), rs.getLong("csat_skipped"), rs.getLong("ces_skipped")), Tally::plus);
                });
        return tallies;
    }

    /**
     * One metric's histogram over the period, for the whole workspace (touchpoints null) or only the
     * given touchpoints (an empty collection selects nothing).
     */
    public Histogram histogram(UUID workspaceId, Metric metric, LocalDate from, LocalDate to,
            @Nullable Collection<UUID> touchpoints) {
        Histogram histogram = Histogram.empty(metric);
        if (touchpoints != null && touchpoints.isEmpty()) {
            return histogram;
        }
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select score, sum(answers) as answers from score_rollup
                where workspace_id = :ws and metric = :metric and day between :from and :to %s
                group by score""".formatted(touchpoints == null ? "" : "and touchpoint_key in (:touchpoints)"))
                .param("metric", metric.value());
        if (touchpoints != null) {
            statement = statement.param("touchpoints", touchpoints);
        }
        for (long[] row : bind(statement, workspaceId, from, to, null)
                .query((rs, i) -> new long[] {rs.getInt("score"), rs.getLong("answers")}).list()) {
            histogram = histogram.plus((int) row[0], row[1]);
        }
        return histogram;
    }

    /** Whether any answer was ever counted at the touchpoint in this workspace. */
    public boolean hasAnswersAt(UUID workspaceId, UUID touchpointId) {
        return jdbc.sql("select exists (select 1 from response_rollup where workspace_id = ? and touchpoint_key = ?)")
                .params(workspaceId, touchpointId).query(Boolean.class).single();
    }

    /** True for the key under which answers given without a touchpoint are rolled up. */
    public static boolean isNoTouchpoint(UUID touchpointKey) {
        return ScoredResponse.NO_TOUCHPOINT.equals(touchpointKey);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID workspaceId, LocalDate from,
            LocalDate to, @Nullable String segment) {
        JdbcClient.StatementSpec bound = statement.param("ws", workspaceId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to));
        return segment == null ? bound : bound.param("segment", segment);
    }
}
