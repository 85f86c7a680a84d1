package com.waymark.metrics.map;

import java.util.List;
import java.util.UUID;

/** A workspace's journeys, stages and touchpoints as known from mapping events. */
public record WorkspaceMap(List<MapJourney> journeys, List<MapStage> stages, List<MapTouchpoint> touchpoints) {

    public WorkspaceMap {
        journeys = List.copyOf(journeys);
        stages = List.copyOf(stages);
        touchpoints = List.copyOf(touchpoints);
    }

    public record MapJourney(UUID journeyId, String name) {
    }

    public record MapStage(UUID stageId, UUID journeyId, String name, int position) {
    }

    public record MapTouchpoint(UUID touchpointId, UUID stageId, UUID journeyId, String name) {
    }
}
