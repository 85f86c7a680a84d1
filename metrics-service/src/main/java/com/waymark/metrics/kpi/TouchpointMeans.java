package com.waymark.metrics.kpi;

import java.util.List;
import java.util.function.Function;
import com.waymark.metrics.kpi.Summary.Mean;
import com.waymark.metrics.kpi.Summary.TouchpointMean;
import com.waymark.metrics.score.Estimate;
import com.waymark.metrics.score.Scores;
import com.waymark.metrics.score.Tally;

/**
 * A journey seen as its touchpoints: per metric the unweighted mean of the touchpoint values that have
 * enough answers, so a busy touchpoint weighs as much as a quiet one (unlike the journey's pooled score).
 */
final class TouchpointMeans {

    private TouchpointMeans() {
    }

    static TouchpointMean of(Scores scores, List<Tally> touchpoints) {
        return new TouchpointMean(mean(touchpoints, tally -> scores.nps(tally.nps())),
                mean(touchpoints, tally -> scores.csat(tally.csat())),
                mean(touchpoints, tally -> scores.ces(tally.ces())));
    }

    private static Mean mean(List<Tally> touchpoints, Function<Tally, Estimate> estimate) {
        double sum = 0;
        int count = 0;
        for (Tally tally : touchpoints) {
            Estimate value = estimate.apply(tally);
            if (value.enough() && value.value() != null) {
                sum += value.value();
                count++;
            }
        }
        return new Mean(count == 0 ? null : ScoreView.round(sum / count), count);
    }
}
