package com.waymark.mapping.journey;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.channel.Channels;
import com.waymark.mapping.support.MergePatch;
import com.waymark.mapping.support.Positions;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;

/** Touchpoints of a stage: add, edit, move (within or across the journey's stages), delete. */
@Service
class TouchpointService {

    private final JourneyService journeys;
    private final StageService stageService;
    private final Stages stages;
    private final Touchpoints touchpoints;
    private final Notes notes;
    private final Channels channels;
    private final MapEvents events;
    private final MergePatch mergePatch;

    TouchpointService(JourneyService journeys, StageService stageService, Stages stages, Touchpoints touchpoints,
            Notes notes, Channels channels, MapEvents events, MergePatch mergePatch) {
        this.journeys = journeys;
        this.stageService = stageService;
        this.stages = stages;
        this.touchpoints = touchpoints;
        this.notes = notes;
        this.channels = channels;
        this.events = events;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Touchpoint create(WorkspaceAccess access, UUID journeyId, UUID stageId, TouchpointFields fields,
            @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        stageService.find(access, journeyId, stageId);
        if (fields.stageId() != null && !fields.stageId().equals(stageId)) {
            throw new ValidationException("stageId", "must be the stage in the path; move a touchpoint with PATCH");
        }
        requireChannel(access, fields.channelId());
        List<Touchpoint> siblings = touchpoints.ofStage(access.workspaceId(), stageId);
        UUID id = Uuids.timeOrdered();
        List<UUID> order = Positions.place(ids(siblings), id, fields.position());
        Touchpoint created = touchpoint(id, journeyId, stageId, fields, order.indexOf(id));
        touchpoints.insert(access.tenantId(), access.workspaceId(), created);
        applyOrder(access, siblings, order);
        events.touchpointChanged(access, created);
        return created;
    }

    @Transactional
    public Touchpoint update(WorkspaceAccess access, UUID journeyId, UUID stageId, UUID touchpointId, JsonNode patch,
            @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Touchpoint current = find(access, journeyId, stageId, touchpointId);
        TouchpointFields changed = mergePatch.apply(current.fields(), patch, TouchpointFields.class);
        UUID targetStage = changed.stageId() == null ? stageId : changed.stageId();
        if (!targetStage.equals(stageId) && !stages.exists(access.workspaceId(), journeyId, targetStage)) {
            throw new ValidationException("stageId", "is not a stage of this journey");
        }
        if (!Objects.equals(changed.channelId(), current.channelId())) {
            requireChannel(access, changed.channelId());
        }
        Touchpoint updated;
        if (targetStage.equals(stageId)) {
            List<Touchpoint> siblings = touchpoints.ofStage(access.workspaceId(), stageId);
            List<UUID> order = Positions.place(ids(siblings), touchpointId, changed.position());
            updated = touchpoint(touchpointId, journeyId, stageId, changed, order.indexOf(touchpointId));
            touchpoints.update(access.workspaceId(), updated);
            applyOrder(access, without(siblings, touchpointId), order);
        } else {
            // moved to another stage: at the given position there, else at its end
            List<Touchpoint> left = without(touchpoints.ofStage(access.workspaceId(), stageId), touchpointId);
            List<Touchpoint> joined = touchpoints.ofStage(access.workspaceId(), targetStage);
            Integer position = patch.has("position") ? changed.position() : null;
            List<UUID> order = Positions.place(ids(joined), touchpointId, position);
            updated = touchpoint(touchpointId, journeyId, targetStage, changed, order.indexOf(touchpointId));
            touchpoints.update(access.workspaceId(), updated);
            applyOrder(access, left, ids(left));
            applyOrder(access, joined, order);
            notes.followTouchpoint(access.workspaceId(), touchpointId, targetStage);
        }
        events.touchpointChanged(access, updated);
        return updated;
    }

    /** Deletes the touchpoint; the ones after it in its stage move up. Notes on it stay on the stage. */
    @Transactional
    public void delete(WorkspaceAccess access, UUID journeyId, UUID stageId, UUID touchpointId, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Touchpoint deleted = find(access, journeyId, stageId, touchpointId);
        touchpoints.delete(access.workspaceId(), touchpointId);
        events.touchpointDeleted(access, deleted);
        List<Touchpoint> remaining = touchpoints.ofStage(access.workspaceId(), stageId);
        applyOrder(access, remaining, ids(remaining));
    }

    private Touchpoint find(WorkspaceAccess access, UUID journeyId, UUID stageId, UUID touchpointId) {
        return touchpoints.find(access.workspaceId(), journeyId, touchpointId)
                .filter(touchpoint -> touchpoint.stageId().equals(stageId))
                .orElseThrow(() -> new NotFoundException("Touchpoint " + touchpointId));
    }

    /** A channel of another workspace is not told apart from one that does not exist. */
    private void requireChannel(WorkspaceAccess access, @Nullable UUID channelId) {
        if (channelId != null && !channels.exists(access.workspaceId(), channelId)) {
            throw new ValidationException("channelId", "is not a channel of this workspace");
        }
    }

    /** Positions only: touchpoint events do not carry them, so moved siblings need no announcement. */
    private void applyOrder(WorkspaceAccess access, List<Touchpoint> current, List<UUID> order) {
        for (Touchpoint touchpoint : current) {
            int position = order.indexOf(touchpoint.id());
            if (position != touchpoint.position()) {
                touchpoints.updatePosition(access.workspaceId(), touchpoint.id(), position);
            }
        }
    }

    private static Touchpoint touchpoint(UUID id, UUID journeyId, UUID stageId, TouchpointFields fields, int position) {
        return new Touchpoint(id, journeyId, stageId, fields.name(), fields.channelId(), fields.expectedEmotion(),
                fields.owningTeam(), fields.customerAction(), fields.frontstage(), fields.backstage(), fields.support(),
                position);
    }

    private static List<Touchpoint> without(List<Touchpoint> touchpoints, UUID id) {
        return touchpoints.stream().filter(touchpoint -> !touchpoint.id().equals(id)).toList();
    }

    private static List<UUID> ids(List<Touchpoint> touchpoints) {
        return touchpoints.stream().map(Touchpoint::id).toList();
    }
}
