package com.waymark.mapping.journey;

import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/**
 * How big one map may get: it is read, exported and snapshotted whole, so its size is bounded. 1,200
 * touchpoints is the 12 stages × 100 touchpoints map the read benchmark proves fast (bench/map-read.sh). Checked
 * on every write that adds to a map (stage, touchpoint, import, template) before anything is written.
 */
final class MapCaps {

    static final int STAGES = 50;
    static final int TOUCHPOINTS = 1_200;

    static final FieldProblem TOO_MANY_STAGES = new FieldProblem("stages", "a map has at most " + STAGES + " stages");
    static final FieldProblem TOO_MANY_TOUCHPOINTS = new FieldProblem("touchpoints",
            "a map has at most " + TOUCHPOINTS + " touchpoints (sub-touchpoints included)");

    private MapCaps() {
    }

    static void checkStageAdded(int stagesNow) {
        if (stagesNow >= STAGES) {
            throw new ValidationException(java.util.List.of(TOO_MANY_STAGES));
        }
    }

    static void checkTouchpointAdded(int touchpointsNow) {
        if (touchpointsNow >= TOUCHPOINTS) {
            throw new ValidationException(java.util.List.of(TOO_MANY_TOUCHPOINTS));
        }
    }
}
