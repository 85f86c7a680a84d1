package com.waymark.metrics.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alert rules and alerts; row-level security scopes them to the workspace, queries name it too. */
@Repository
class AlertStore {

    private static final String RULE_COLUMNS = """
            rule_id, metric, scope_type, scope_id, condition_type, threshold, window_days, min_n, enabled, firing,
            created_at, updated_at""";
    private static final String ALERT_COLUMNS = """
            alert_id, rule_id, metric, scope_type, scope_id, condition_type, threshold, value, previous_value, n, reason,
            status, raised_at, acknowledged_at, acknowledged_by""";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertRule(UUID tenantId, UUID workspaceId, AlertRule rule) {
        jdbc.sql("""
                insert into alert_rule (tenant_id, workspace_id, rule_id, metric, scope_type, scope_id, condition_type,
                                        threshold, window_days, min_n, enabled, firing, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)""")
                .params(tenantId, workspaceId, rule.ruleId(), rule.metric(), rule.scope().type(), rule.scope().id(),
                        rule.condition().type(), rule.condition().threshold(), rule.window(), rule.minN(), rule.enabled(),
                        Timestamp.from(rule.createdAt()), Timestamp.from(rule.updatedAt()))
                .update();
    }

    /** Replaces the rule's definition; it starts afresh (not firing). False when there is no such rule. */
    boolean updateRule(UUID workspaceId, AlertRule rule) {
        return jdbc.sql("""
                update alert_rule set metric = ?, scope_type = ?, scope_id = ?, condition_type = ?, threshold = ?,
                                      window_days = ?, min_n = ?, enabled = ?, firing = false, updated_at = ?
                where workspace_id = ? and rule_id = ?""")
                .params(rule.metric(), rule.scope().type(), rule.scope().id(), rule.condition().type(),
                        rule.condition().threshold(), rule.window(), rule.minN(), rule.enabled(),
                        Timestamp.from(rule.updatedAt()), workspaceId, rule.ruleId())
                .update() == 1;
    }

    boolean deleteRule(UUID workspaceId, UUID ruleId) {
        return jdbc.sql("delete from alert_rule where workspace_id = ? and rule_id = ?").params(workspaceId, ruleId)
                .update() == 1;
    }

    Optional<AlertRule> findRule(UUID workspaceId, UUID ruleId) {
        return jdbc.sql("select " + RULE_COLUMNS + " from alert_rule where workspace_id = ? and rule_id = ?")
                .params(workspaceId, ruleId).query((rs, i) -> rule(rs)).optional();
    }

    /** Oldest first, after {@code after} (a rule id; ids are time-ordered). */
    List<AlertRule> listRules(UUID workspaceId, @Nullable UUID after, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select " + RULE_COLUMNS + " from alert_rule where workspace_id = :ws"
                        + (after == null ? "" : " and rule_id > :after") + " order by rule_id limit :limit")
                .param("ws", workspaceId).param("limit", limit);
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query((rs, i) -> rule(rs)).list();
    }

    /** The enabled rules, locked: evaluations of one workspace never overlap. */
    List<AlertRule> lockEnabledRules(UUID workspaceId) {
        return jdbc.sql("select " + RULE_COLUMNS
                        + " from alert_rule where workspace_id = ? and enabled order by rule_id for update")
                .param(workspaceId).query((rs, i) -> rule(rs)).list();
    }

    void setFiring(UUID workspaceId, UUID ruleId, boolean firing) {
        jdbc.sql("update alert_rule set firing = ? where workspace_id = ? and rule_id = ? and firing <> ?")
                .params(firing, workspaceId, ruleId, firing).update();
    }

    /** Stores an open alert; false when the rule already has one (at most one open alert per rule). */
    boolean insertOpenAlert(UUID tenantId, UUID workspaceId, Alert alert) {
        return jdbc.sql("""
                insert into alert (tenant_id, workspace_id, alert_id, rule_id, metric, scope_type, scope_id, condition_type,
                                   threshold, value, previous_value, n, reason, status, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)
                on conflict (workspace_id, rule_id) where status = 'open' do nothing""")
                .params(tenantId, workspaceId, alert.alertId(), alert.ruleId(), alert.metric(), alert.scope().type(),
                        alert.scope().id(), alert.condition().type(), alert.condition().threshold(), alert.value(),
                        alert.previousValue(), alert.n(), alert.reason(), Timestamp.from(alert.raisedAt()))
                .update() == 1;
    }

    Optional<Alert> findAlert(UUID workspaceId, UUID alertId) {
        return jdbc.sql("select " + ALERT_COLUMNS + " from alert where workspace_id = ? and alert_id = ?")
                .params(workspaceId, alertId).query((rs, i) -> alert(rs)).optional();
    }

    /** Newest first, before {@code after} (an alert id; ids are time-ordered); {@code status} null for all. */
    List<Alert> listAlerts(UUID workspaceId, @Nullable String status, @Nullable UUID after, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select " + ALERT_COLUMNS + " from alert where workspace_id = :ws"
                        + (status == null ? "" : " and status = :status") + (after == null ? "" : " and alert_id < :after")
                        + " order by alert_id desc limit :limit")
                .param("ws", workspaceId).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status);
        }
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query((rs, i) -> alert(rs)).list();
    }

    /** Acknowledges an open alert; an acknowledged one stays as it was. */
    void acknowledge(UUID workspaceId, UUID alertId, String userId, Instant at) {
        jdbc.sql("""
                update alert set status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?
                where workspace_id = ? and alert_id = ? and status = 'open'""")
                .params(Timestamp.from(at), userId, workspaceId, alertId).update();
    }

    private static AlertRule rule(ResultSet rs) throws SQLException {
        return new AlertRule(rs.getObject("rule_id", UUID.class), rs.getString("metric"),
                new AlertRule.Scope(rs.getString("scope_type"), rs.getObject("scope_id", UUID.class)),
                new AlertRule.Condition(rs.getString("condition_type"), rs.getDouble("threshold")),
                rs.getInt("window_days"), rs.getInt("min_n"), rs.getBoolean("enabled"), rs.getBoolean("firing"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
        return new Alert(rs.getObject("alert_id", UUID.class), rs.getObject("rule_id", UUID.class), rs.getString("metric"),
                new AlertRule.Scope(rs.getString("scope_type"), rs.getObject("scope_id", UUID.class)),
                new AlertRule.Condition(rs.getString("condition_type"), rs.getDouble("threshold")),
                rs.getObject("value", Double.class), rs.getObject("previous_value", Double.class), rs.getLong("n"),
                rs.getString("reason"), rs.getString("status"), rs.getTimestamp("raised_at").toInstant(),
                acknowledged == null ? null : acknowledged.toInstant(), rs.getString("acknowledged_by"));
    }
}
