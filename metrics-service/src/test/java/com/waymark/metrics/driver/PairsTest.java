package com.waymark.metrics.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.waymark.metrics.driver.Pairs.TouchpointAnswer;
import com.waymark.metrics.score.Metric;

class PairsTest {

    static final UUID CHECKOUT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID DELIVERY = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID R1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID R2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID R3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID R4 = UUID.fromString("00000000-0000-0000-0000-000000000004");
    static final UUID R5 = UUID.fromString("00000000-0000-0000-0000-000000000005");

    @Test
    void aResponseCountsWithItsNpsElseCsatElseCesAndARespondentWithTheMeanOfTheirResponses() {
        Map<String, Integer> outcomes = Map.of("ada", 10, "bob", 0);
        List<TouchpointAnswer> answers = List.of(
                // ada at checkout: R1 has CES and CSAT → CSAT 4; R2 has CSAT and NPS → NPS 8; mean 6
                new TouchpointAnswer(CHECKOUT, "ada", R1, Metric.CES, 0, 7),
                new TouchpointAnswer(CHECKOUT, "ada", R1, Metric.CSAT, 1, 4),
                new TouchpointAnswer(CHECKOUT, "ada", R2, Metric.CSAT, 0, 1),
                new TouchpointAnswer(CHECKOUT, "ada", R2, Metric.NPS, 1, 8),
                // bob at checkout: two CES questions → the first
                new TouchpointAnswer(CHECKOUT, "bob", R3, Metric.CES, 0, 3),
                new TouchpointAnswer(CHECKOUT, "bob", R3, Metric.CES, 1, 6),
                // carl has no journey-level outcome: left out
                new TouchpointAnswer(CHECKOUT, "carl", R4, Metric.NPS, 0, 10),
                new TouchpointAnswer(DELIVERY, "bob", R5, Metric.NPS, 0, 2));

        Map<UUID, Pairs.Paired> paired = Pairs.of(outcomes, answers);

        assertThat(paired).containsOnlyKeys(CHECKOUT, DELIVERY);
        Pairs.Paired checkout = paired.get(CHECKOUT);
        assertThat(checkout.n()).isEqualTo(2);
        assertThat(checkout.x()).containsExactly(6.0, 3.0);
        assertThat(checkout.y()).containsExactly(10.0, 0.0);
        assertThat(paired.get(DELIVERY).x()).containsExactly(2.0);
        assertThat(paired.get(DELIVERY).y()).containsExactly(0.0);
    }

    @Test
    void nothingPairsWithoutOutcomes() {
        assertThat(Pairs.of(Map.of(), List.of(new TouchpointAnswer(CHECKOUT, "ada", R1, Metric.NPS, 0, 9)))).isEmpty();
    }
}
