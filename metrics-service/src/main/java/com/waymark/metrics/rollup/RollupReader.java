package com.waymark.metrics.rollup;

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
 * Reads the rollups: never the raw responses, and whole months and weeks where a period holds them
 * ({@link Coverage}), so a query costs about the same however many answers or days a period spans.
 * Days are inclusive local dates of the workspace's time zone (the rollups are keyed by them). A
 * {@code null} segment means all segments.
 */
@Repository
public class RollupReader {

    /**
     * The tallies of a period: per touchpoint (answers without touchpoint and journey under
     * {@link #isNoTouchpoint}'s key) and, apart, the journey-level responses per journey.
     */
    public record Tallies(Map<UUID, Tally> byTouchpoint, Map<UUID, Tally> byJourney) {

        /** Everything: the workspace's tally. */
        public Tally total() {
            Tally total = Tally.EMPTY;
            for (Tally tally : byTouchpoint.values()) {
                total = total.plus(tally);
            }
            for (Tally tally : byJourney.values()) {
                total = total.plus(tally);
            }
            return total;
        }
    }

    private final JdbcClient jdbc;

    RollupReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tallies tallies(UUID workspaceId, LocalDate from, LocalDate to, @Nullable String segment) {
        Map<UUID, Tally> byTouchpoint = new HashMap<>();
        Map<UUID, Tally> byJourney = new HashMap<>();
        Coverage coverage = Coverage.of(from, to, Interval.MONTH);
        String segmentFilter = segment == null ? "" : "and segment = :segment";
        JdbcClient.StatementSpec scores = jdbc.sql("""
                select touchpoint_key, journey_key, metric, score, sum(answers) as answers from score_rollup
                where workspace_id = :ws and %s %s
                group by touchpoint_key, journey_key, metric, score""".formatted(coverage.condition(), segmentFilter));
        bind(coverage.bind(scores), workspaceId, segment).query(rs -> {
            Metric metric = Metric.fromValue(rs.getString("metric")).orElseThrow();
            place(byTouchpoint, byJourney, rs.getObject("touchpoint_key", UUID.class), rs.getObject("journey_key", UUID.class),
                    Tally.EMPTY.plusAnswers(metric, rs.getInt("score"), rs.getLong("answers")));
        });
        JdbcClient.StatementSpec responses = jdbc.sql("""
                select touchpoint_key, journey_key, sum(responses) as responses, sum(nps_skipped) as nps_skipped,
                       sum(csat_skipped) as csat_skipped, sum(ces_skipped) as ces_skipped
                from response_rollup
                where workspace_id = :ws and %s %s
                group by touchpoint_key, journey_key""".formatted(coverage.condition(), segmentFilter));
        bind(coverage.bind(responses), workspaceId, segment).query(rs -> {
            place(byTouchpoint, byJourney, rs.getObject("touchpoint_key", UUID.class), rs.getObject("journey_key", UUID.class),
                    Tally.EMPTY.plusResponses(rs.getLong("responses"), rs.getLong("nps_skipped"), rs.getLong("csat_skipped"),
                            rs.getLong("ces_skipped")));
        });
        return new Tallies(byTouchpoint, byJourney);
    }

    private static void place(Map<UUID, Tally> byTouchpoint, Map<UUID, Tally> byJourney, UUID touchpointKey, UUID journeyKey,
            Tally tally) {
        if (isNoTouchpoint(touchpointKey) && !isNoTouchpoint(journeyKey)) {
            byJourney.merge(journeyKey, tally, Tally::plus);
        } else {
            byTouchpoint.merge(touchpointKey, tally, Tally::plus);
        }
    }

    /**
     * One metric's histogram per bucket start, for the whole workspace (touchpoints and journey null) or
     * only the given touchpoints plus, with {@code journeyId}, that journey's journey-level responses.
     * Buckets without answers are absent.
     */
    public Map<LocalDate, Histogram> histogramsByBucket(UUID workspaceId, Metric metric, Interval interval, LocalDate from,
            LocalDate to, @Nullable String segment, @Nullable Collection<UUID> touchpoints, @Nullable UUID journeyId) {
        Map<LocalDate, Histogram> buckets = new TreeMap<>();
        String scope = scope(touchpoints, journeyId);
        if (scope == null) {
            return buckets;
        }
        Coverage coverage = Coverage.of(from, to, interval);
        String filters = (segment == null ? "" : " and segment = :segment") + scope;
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select date_trunc(:unit, day::timestamp)::date as bucket, score, sum(answers) as answers
                from score_rollup
                where workspace_id = :ws and metric = :metric and %s %s
                group by bucket, score""".formatted(coverage.condition(), filters))
                .param("unit", interval.value())
                .param("metric", metric.value());
        statement = bindScope(statement, touchpoints, journeyId);
        bind(coverage.bind(statement), workspaceId, segment).query(rs -> {
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
        Coverage coverage = Coverage.of(from, to, Interval.MONTH);
        coverage.bind(jdbc.sql("""
                select workspace_id, metric, score, sum(answers) as answers from score_rollup
                where workspace_id in (:workspaces) and %s
                group by workspace_id, metric, score""".formatted(coverage.condition())))
                .param("workspaces", workspaceIds)
                .query(rs -> {
                    Metric metric = Metric.fromValue(rs.getString("metric")).orElseThrow();
                    tallies.merge(rs.getObject("workspace_id", UUID.class),
                            Tally.EMPTY.plusAnswers(metric, rs.getInt("score"), rs.getLong("answers")), Tally::plus);
                });
        coverage.bind(jdbc.sql("""
                select workspace_id, sum(responses) as responses, sum(nps_skipped) as nps_skipped,
                       sum(csat_skipped) as csat_skipped, sum(ces_skipped) as ces_skipped
                from response_rollup
                where workspace_id in (:workspaces) and %s
                group by workspace_id""".formatted(coverage.condition())))
                .param("workspaces", workspaceIds)
                .query(rs -> {
                    tallies.merge(rs.getObject("workspace_id", UUID.class), Tally.EMPTY.plusResponses(rs.getLong("responses"),
                            rs.getLong("nps_skipped"), rs.getLong("csat_skipped"), rs.getLong("ces_skipped")), Tally::plus);
                });
        return tallies;
    }

    /** Per workspace of the given ones, one metric's histogram per bucket start (buckets without answers absent). */
    public Map<UUID, Map<LocalDate, Histogram>> histogramsByWorkspaceAndBucket(Collection<UUID> workspaceIds, Metric metric,
            Interval interval, LocalDate from, LocalDate to) {
        Map<UUID, Map<LocalDate, Histogram>> result = new HashMap<>();
        if (workspaceIds.isEmpty()) {
            return result;
        }
        Coverage coverage = Coverage.of(from, to, interval);
        coverage.bind(jdbc.sql("""
                select workspace_id, date_trunc(:unit, day::timestamp)::date as bucket, score, sum(answers) as answers
                from score_rollup
                where workspace_id in (:workspaces) and metric = :metric and %s
                group by workspace_id, bucket, score""".formatted(coverage.condition())))
                .param("workspaces", workspaceIds)
                .param("unit", interval.value())
                .param("metric", metric.value())
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("workspace_id", UUID.class), id -> new TreeMap<>())
                            .merge(rs.getObject("bucket", LocalDate.class),
                                    Histogram.empty(metric).plus(rs.getInt("score"), rs.getLong("answers")), Histogram::plus);
                });
        return result;
    }

    /**
     * One metric's histogram over the period, for the whole workspace (touchpoints and journey null) or
     * only the given touchpoints plus that journey's journey-level responses.
     */
    public Histogram histogram(UUID workspaceId, Metric metric, LocalDate from, LocalDate to,
            @Nullable Collection<UUID> touchpoints, @Nullable UUID journeyId) {
        Histogram histogram = Histogram.empty(metric);
        String scope = scope(touchpoints, journeyId);
        if (scope == null) {
            return histogram;
        }
        Coverage coverage = Coverage.of(from, to, Interval.MONTH);
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select score, sum(answers) as answers from score_rollup
                where workspace_id = :ws and metric = :metric and %s %s
                group by score""".formatted(coverage.condition(), scope))
                .param("metric", metric.value());
        statement = bindScope(statement, touchpoints, journeyId);
        for (long[] row : bind(coverage.bind(statement), workspaceId, null)
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

    /** The SQL filter of a scope; "" for the whole workspace, null when the scope selects nothing. */
    private static @Nullable String scope(@Nullable Collection<UUID> touchpoints, @Nullable UUID journeyId) {
        if (touchpoints == null && journeyId == null) {
            return "";
        }
        boolean anyTouchpoint = touchpoints != null && !touchpoints.isEmpty();
        if (!anyTouchpoint && journeyId == null) {
            return null;
        }
        if (!anyTouchpoint) {
            return " and touchpoint_key = :none and journey_key = :journey";
        }
        return journeyId == null ? " and touchpoint_key in (:touchpoints)"
                : " and (touchpoint_key in (:touchpoints) or (touchpoint_key = :none and journey_key = :journey))";
    }

    private static JdbcClient.StatementSpec bindScope(JdbcClient.StatementSpec statement,
            @Nullable Collection<UUID> touchpoints, @Nullable UUID journeyId) {
        JdbcClient.StatementSpec bound = statement;
        if (touchpoints != null && !touchpoints.isEmpty()) {
            bound = bound.param("touchpoints", touchpoints);
        }
        if (journeyId != null) {
            bound = bound.param("journey", journeyId).param("none", ScoredResponse.NO_TOUCHPOINT);
        }
        return bound;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID workspaceId,
            @Nullable String segment) {
        JdbcClient.StatementSpec bound = statement.param("ws", workspaceId);
        return segment == null ? bound : bound.param("segment", segment);
    }
}
