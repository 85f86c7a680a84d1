package com.waymark.mapping.journey;

import java.util.ArrayList;
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
import com.waymark.mapping.support.UnknownReference;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;

/**
 * Touchpoints of a stage: add, edit, move (within or across the journey's stages), reorder, delete.
 * A sub-touchpoint hangs under a top-level touchpoint of the same stage (one level): it moves with
 * its parent to another stage and goes when its parent is deleted.
 */
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
        requireParent(access, journeyId, stageId, null, fields.parentTouchpointId());
        MapCaps.checkTouchpointAdded(touchpoints.countOfJourney(access.workspaceId(), journeyId));
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
        boolean movesStage = !targetStage.equals(stageId);
        if (movesStage && !stages.exists(access.workspaceId(), journeyId, targetStage)) {
            throw new ValidationException("stageId", "is not a stage of this journey");
        }
        // a sub-touchpoint moved alone to another stage leaves its parent behind, unless the patch names a new one
        if (movesStage && !patch.has("parentTouchpointId")) {
            changed = changed.withoutParent();
        }
        if (!Objects.equals(changed.channelId(), current.channelId())) {
            requireChannel(access, changed.channelId());
        }
        if (movesStage || !Objects.equals(changed.parentTouchpointId(), current.parentTouchpointId())) {
            requireParent(access, journeyId, targetStage, touchpointId, changed.parentTouchpointId());
        }
        Touchpoint updated;
        if (!movesStage) {
            List<Touchpoint> siblings = touchpoints.ofStage(access.workspaceId(), stageId);
            List<UUID> order = Positions.place(ids(siblings), touchpointId, changed.position());
            updated = touchpoint(touchpointId, journeyId, stageId, changed, order.indexOf(touchpointId));
            touchpoints.update(access.workspaceId(), updated);
            applyOrder(access, without(siblings, touchpointId), order);
            events.touchpointChanged(access, updated);
            return updated;
        }
        // moved to another stage: at the given position there, else at its end; its sub-touchpoints right after it
        List<Touchpoint> children = current.parentTouchpointId() == null
                ? touchpoints.childrenOf(access.workspaceId(), touchpointId) : List.of();
        List<UUID> moving = new ArrayList<>(ids(children));
        moving.add(touchpointId);
        List<Touchpoint> left = touchpoints.ofStage(access.workspaceId(), stageId).stream()
                .filter(touchpoint -> !moving.contains(touchpoint.id())).toList();
        List<Touchpoint> joined = touchpoints.ofStage(access.workspaceId(), targetStage);
        Integer position = patch.has("position") ? changed.position() : null;
        List<UUID> order = new ArrayList<>(Positions.place(ids(joined), touchpointId, position));
        order.addAll(order.indexOf(touchpointId) + 1, ids(children));
        updated = touchpoint(touchpointId, journeyId, targetStage, changed, order.indexOf(touchpointId));
        touchpoints.update(access.workspaceId(), updated);
        notes.followTouchpoint(access.workspaceId(), touchpointId, targetStage);
        events.touchpointChanged(access, updated);
        for (Touchpoint child : children) {
            Touchpoint moved = child.at(targetStage, order.indexOf(child.id()));
            touchpoints.update(access.workspaceId(), moved);
            notes.followTouchpoint(access.workspaceId(), child.id(), targetStage);
            events.touchpointChanged(access, moved);
        }
        applyOrder(access, left, ids(left));
        applyOrder(access, joined, order);
        return updated;
    }

    /**
     * Puts the stage's touchpoints in the given order; it must name exactly the stage's touchpoints.
     * Nothing is announced: touchpoint events carry no position, so no consumer sees a change.
     */
    @Transactional
    public List<Touchpoint> reorder(WorkspaceAccess access, UUID journeyId, UUID stageId, TouchpointOrder request,
            @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        stageService.find(access, journeyId, stageId);
        List<Touchpoint> current = touchpoints.ofStage(access.workspaceId(), stageId);
        List<UUID> order = Positions.reorder(ids(current), request.touchpointIds(), "touchpointIds");
        applyOrder(access, current, order);
        return touchpoints.ofStage(access.workspaceId(), stageId);
    }

    /**
     * Deletes the touchpoint with its sub-touchpoints (each deletion announced: consumers do not know
     * the parent); the ones after them in the stage move up. Notes on them stay on the stage.
     */
    @Transactional
    public void delete(WorkspaceAccess access, UUID journeyId, UUID stageId, UUID touchpointId, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Touchpoint deleted = find(access, journeyId, stageId, touchpointId);
        List<Touchpoint> children = touchpoints.childrenOf(access.workspaceId(), touchpointId);
        touchpoints.delete(access.workspaceId(), touchpointId);
        events.touchpointDeleted(access, deleted);
        children.forEach(child -> events.touchpointDeleted(access, child));
        List<Touchpoint> remaining = touchpoints.ofStage(access.workspaceId(), stageId);
        applyOrder(access, remaining, ids(remaining));
    }

    private Touchpoint find(WorkspaceAccess access, UUID journeyId, UUID stageId, UUID touchpointId) {
        return touchpoints.find(access.workspaceId(), journeyId, touchpointId)
                .filter(touchpoint -> touchpoint.stageId().equals(stageId))
                .orElseThrow(() -> new NotFoundException("Touchpoint " + touchpointId));
    }

    /** A channel of another workspace is a 404, exactly like one that does not exist. */
    private void requireChannel(WorkspaceAccess access, @Nullable UUID channelId) {
        if (channelId != null && !channels.exists(access.workspaceId(), channelId)) {
            throw new UnknownReference("channelId", "channel", "workspace");
        }
    }

    /**
     * A parent must be a top-level touchpoint of the same stage, and a touchpoint with sub-touchpoints
     * cannot become one (one level only). One not in this journey (another journey's or workspace's,
     * or none) is a 404; one of another stage, or at the wrong level, a 400.
     */
    private void requireParent(WorkspaceAccess access, UUID journeyId, UUID stageId, @Nullable UUID self,
            @Nullable UUID parentId) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(self)) {
            throw new ValidationException("parentTouchpointId", "must not be the touchpoint itself");
        }
        Touchpoint parent = touchpoints.find(access.workspaceId(), journeyId, parentId)
                .orElseThrow(() -> new UnknownReference("parentTouchpointId", "touchpoint", "journey"));
        if (!parent.stageId().equals(stageId)) {
            throw new ValidationException("parentTouchpointId", "must be a touchpoint of the same stage");
        }
        if (parent.parentTouchpointId() != null) {
            throw new ValidationException("parentTouchpointId",
                    "is a sub-touchpoint itself; sub-touchpoints cannot have sub-touchpoints");
        }
        if (self != null && touchpoints.hasChildren(access.workspaceId(), self)) {
            throw new ValidationException("parentTouchpointId",
                    "cannot be set on a touchpoint that has sub-touchpoints; sub-touchpoints are one level deep");
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
        return new Touchpoint(id, journeyId, stageId, fields.parentTouchpointId(), fields.name(), fields.channelId(),
                fields.expectedEmotion(), fields.owningTeam(), fields.customerAction(), fields.frontstage(),
                fields.backstage(), fields.support(), position);
    }

    private static List<Touchpoint> without(List<Touchpoint> touchpoints, UUID id) {
        return touchpoints.stream().filter(touchpoint -> !touchpoint.id().equals(id)).toList();
    }

    private static List<UUID> ids(List<Touchpoint> touchpoints) {
        return touchpoints.stream().map(Touchpoint::id).toList();
    }
}
