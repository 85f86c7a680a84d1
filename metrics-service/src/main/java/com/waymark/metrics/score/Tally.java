package com.waymark.metrics.score;

/**
 * Everything known about one scope (a touchpoint, stage, journey, period or the workspace): the
 * histograms of the three metrics, the responses and the skipped answers per metric. Tallies add up
 * exactly, so higher levels are the pooled answers of their touchpoints.
 */
public record Tally(Histogram nps, Histogram csat, Histogram ces, long responses, long npsSkipped, long csatSkipped,
        long cesSkipped) {

    public static final Tally EMPTY = new Tally(Histogram.empty(Metric.NPS), Histogram.empty(Metric.CSAT),
            Histogram.empty(Metric.CES), 0, 0, 0, 0);

    public Tally plus(Tally other) {
        return new Tally(nps.plus(other.nps), csat.plus(other.csat), ces.plus(other.ces), responses + other.responses,
                npsSkipped + other.npsSkipped, csatSkipped + other.csatSkipped, cesSkipped + other.cesSkipped);
    }

    public Tally plusAnswers(Metric metric, int score, long count) {
        return switch (metric) {
            case NPS -> new Tally(nps.plus(score, count), csat, ces, responses, npsSkipped, csatSkipped, cesSkipped);
            case CSAT -> new Tally(nps, csat.plus(score, count), ces, responses, npsSkipped, csatSkipped, cesSkipped);
            case CES -> new Tally(nps, csat, ces.plus(score, count), responses, npsSkipped, csatSkipped, cesSkipped);
        };
    }

    public Tally plusResponses(long responses, long npsSkipped, long csatSkipped, long cesSkipped) {
        return new Tally(nps, csat, ces, this.responses + responses, this.npsSkipped + npsSkipped,
                this.csatSkipped + csatSkipped, this.cesSkipped + cesSkipped);
    }

    public Histogram histogram(Metric metric) {
        return switch (metric) {
            case NPS -> nps;
            case CSAT -> csat;
            case CES -> ces;
        };
    }

    public long skipped(Metric metric) {
        return switch (metric) {
            case NPS -> npsSkipped;
            case CSAT -> csatSkipped;
            case CES -> cesSkipped;
        };
    }
}
