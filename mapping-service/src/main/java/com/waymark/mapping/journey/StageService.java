package com.waymark.mapping.journey;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.MergePatch;
import com.waymark.mapping.support.Positions;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.messaging.Uuids;

/** Stages of a journey: add, rename, move, reorder, delete — each stage whose name or position changes is announced. */
@Service
class StageService {

    private final JourneyService journeys;
    private final Stages stages;
    private final MapEvents events;
    private final MergePatch mergePatch;

    StageService(JourneyService journeys, Stages stages, MapEvents events, MergePatch mergePatch) {
        this.journeys = journeys;
        this.stages = stages;
        this.events = events;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Stage create(WorkspaceAccess access, UUID journeyId, StageFields fields, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        List<Stage> current = stages.ofJourney(access.workspaceId(), journeyId);
        MapCaps.checkStageAdded(current.size());
        UUID id = Uuids.timeOrdered();
        List<UUID> order = Positions.place(ids(current), id, fields.position());
        Stage created = new Stage(id, journeyId, fields.name(), order.indexOf(id));
        stages.insert(access.tenantId(), access.workspaceId(), created);
        events.stageChanged(access, created);
        applyOrder(access, current, order);
        return created;
    }

    @Transactional
    public Stage update(WorkspaceAccess access, UUID journeyId, UUID stageId, JsonNode patch, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Stage current = find(access, journeyId, stageId);
        StageFields changed = mergePatch.apply(new StageFields(current.name(), current.position()), patch, StageFields.class);
        List<Stage> siblings = stages.ofJourney(access.workspaceId(), journeyId);
        List<UUID> order = Positions.place(ids(siblings), stageId, changed.position());
        Stage updated = new Stage(stageId, journeyId, changed.name(), order.indexOf(stageId));
        stages.update(access.workspaceId(), updated);
        events.stageChanged(access, updated);
        applyOrder(access, siblings.stream().filter(stage -> !stage.id().equals(stageId)).toList(), order);
        return updated;
    }

    /** Puts the stages in the given order; it must name exactly the journey's stages. */
    @Transactional
    public List<Stage> reorder(WorkspaceAccess access, UUID journeyId, StageOrder request, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        List<Stage> current = stages.ofJourney(access.workspaceId(), journeyId);
        List<UUID> order = Positions.reorder(ids(current), request.stageIds(), "stageIds");
        applyOrder(access, current, order);
        return stages.ofJourney(access.workspaceId(), journeyId);
    }

    /** Deletes the stage with its touchpoints; the stages after it move up. */
    @Transactional
    public void delete(WorkspaceAccess access, UUID journeyId, UUID stageId, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Stage deleted = find(access, journeyId, stageId);
        stages.delete(access.workspaceId(), stageId);
        events.stageDeleted(access, deleted);
        List<Stage> remaining = stages.ofJourney(access.workspaceId(), journeyId);
        applyOrder(access, remaining, ids(remaining));
    }

    Stage find(WorkspaceAccess access, UUID journeyId, UUID stageId) {
        return stages.find(access.workspaceId(), journeyId, stageId)
                .orElseThrow(() -> new NotFoundException("Stage " + stageId));
    }

    /** Writes and announces the new position of every stage in {@code stages} whose position differs in {@code order}. */
    private void applyOrder(WorkspaceAccess access, List<Stage> current, List<UUID> order) {
        for (Stage stage : current) {
            int position = order.indexOf(stage.id());
            if (position != stage.position()) {
                Stage moved = new Stage(stage.id(), stage.journeyId(), stage.name(), position);
                stages.update(access.workspaceId(), moved);
                events.stageChanged(access, moved);
            }
        }
    }

    private static List<UUID> ids(List<Stage> stages) {
        return stages.stream().map(Stage::id).toList();
    }
}
