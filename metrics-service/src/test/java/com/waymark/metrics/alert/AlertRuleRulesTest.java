package com.waymark.metrics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Metric;

class AlertRuleRulesTest {

    @Test
    void aBelowThresholdMustLieOnTheMetricsScale() {
        assertThat(AlertRuleService.thresholdProblem(Metric.NPS, "below", -100)).isNull();
        assertThat(AlertRuleService.thresholdProblem(Metric.NPS, "below", 100)).isNull();
        assertThat(AlertRuleService.thresholdProblem(Metric.NPS, "below", -100.5)).contains("between -100 and 100");
        assertThat(AlertRuleService.thresholdProblem(Metric.CSAT, "below", -1)).contains("between 0 and 100");
        assertThat(AlertRuleService.thresholdProblem(Metric.CES, "below", 0.5)).contains("between 1 and 7");
        assertThat(AlertRuleService.thresholdProblem(Metric.CES, "below", 4.5)).isNull();
    }

    @Test
    void aDropIsPositiveAndAtMostTheWidthOfTheScale() {
        assertThat(AlertRuleService.thresholdProblem(Metric.NPS, "drop", 0)).contains("more than 0");
        assertThat(AlertRuleService.thresholdProblem(Metric.NPS, "drop", 200)).isNull();
        assertThat(AlertRuleService.thresholdProblem(Metric.NPS, "drop", 201)).contains("at most 200");
        assertThat(AlertRuleService.thresholdProblem(Metric.CSAT, "drop", 101)).contains("at most 100");
        assertThat(AlertRuleService.thresholdProblem(Metric.CES, "drop", 0.5)).isNull();
        assertThat(AlertRuleService.thresholdProblem(Metric.CES, "drop", 6.5)).contains("at most 6");
    }

    @Test
    void theReasonSaysWhatWasSeen() {
        AlertRule below = rule("below", 20, null);
        AlertRule drop = rule("drop", 10, UUID.fromString("00000000-0000-0000-0000-000000000001"));
        Estimate current = new Estimate(12.345, 40, 0.0, 25.0, true, null);
        Estimate previous = new Estimate(30.0, 35, 10.0, 50.0, true, null);

        assertThat(AlertEvaluator.reason(below, current, null))
                .isEqualTo("NPS of workspace is 12.3 (n=40), below 20 over the last 7 days");
        assertThat(AlertEvaluator.reason(drop, current, previous)).isEqualTo("NPS of touchpoint "
                + "00000000-0000-0000-0000-000000000001 fell 17.7 points to 12.3 (n=40) from 30.0 (n=35) in the 7 days before");
    }

    private static AlertRule rule(String condition, double threshold, UUID scopeId) {
        return new AlertRule(UUID.randomUUID(), "nps",
                new AlertRule.Scope(scopeId == null ? "workspace" : "touchpoint", scopeId),
                new AlertRule.Condition(condition, threshold), 7, 30, true, false, Instant.now(), Instant.now());
    }
}
