package com.waymark.mapping.journey;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.MergePatch;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;

/** Pain points, opportunities and evidence on a map. Each is part of the map: it moves the map's version on. */
@Service
class NoteService {

    private final JourneyService journeys;
    private final Stages stages;
    private final Touchpoints touchpoints;
    private final Notes notes;
    private final MergePatch mergePatch;

    NoteService(JourneyService journeys, Stages stages, Touchpoints touchpoints, Notes notes, MergePatch mergePatch) {
        this.journeys = journeys;
        this.stages = stages;
        this.touchpoints = touchpoints;
        this.notes = notes;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public PainPoint createPainPoint(WorkspaceAccess access, UUID journeyId, PainPointFields fields, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Place place = place(access, journeyId, fields.stageId(), fields.touchpointId());
        return notes.insertPainPoint(access.tenantId(), access.workspaceId(), journeyId, new PainPointFields(place.stageId(),
                place.touchpointId(), fields.title(), fields.description(), fields.severity()));
    }

    @Transactional
    public PainPoint updatePainPoint(WorkspaceAccess access, UUID journeyId, UUID id, JsonNode patch, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        PainPoint current = notes.findPainPoint(access.workspaceId(), journeyId, id).orElseThrow(() -> notFound(Notes.NoteKind.PAIN_POINT, id));
        PainPointFields changed = mergePatch.apply(current.fields(), patch, PainPointFields.class);
        Place place = place(access, journeyId, stageFor(patch, changed.stageId()), changed.touchpointId());
        return notes.updatePainPoint(access.workspaceId(), id, new PainPointFields(place.stageId(), place.touchpointId(),
                changed.title(), changed.description(), changed.severity()));
    }

    @Transactional
    public Opportunity createOpportunity(WorkspaceAccess access, UUID journeyId, OpportunityFields fields, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        requirePainPoint(access, journeyId, fields.painPointId());
        return notes.insertOpportunity(access.tenantId(), access.workspaceId(), journeyId, fields);
    }

    @Transactional
    public Opportunity updateOpportunity(WorkspaceAccess access, UUID journeyId, UUID id, JsonNode patch, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Opportunity current = notes.findOpportunity(access.workspaceId(), journeyId, id)
                .orElseThrow(() -> notFound(Notes.NoteKind.OPPORTUNITY, id));
        OpportunityFields changed = mergePatch.apply(current.fields(), patch, OpportunityFields.class);
        requirePainPoint(access, journeyId, changed.painPointId());
        return notes.updateOpportunity(access.workspaceId(), id, changed);
    }

    @Transactional
    public Evidence createEvidence(WorkspaceAccess access, UUID journeyId, EvidenceFields fields, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Place place = place(access, journeyId, fields.stageId(), fields.touchpointId());
        return notes.insertEvidence(access.tenantId(), access.workspaceId(), journeyId, new EvidenceFields(place.stageId(),
                place.touchpointId(), fields.kind(), fields.text(), fields.source(), fields.link()));
    }

    @Transactional
    public Evidence updateEvidence(WorkspaceAccess access, UUID journeyId, UUID id, JsonNode patch, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        Evidence current = notes.findEvidence(access.workspaceId(), journeyId, id).orElseThrow(() -> notFound(Notes.NoteKind.EVIDENCE, id));
        EvidenceFields changed = mergePatch.apply(current.fields(), patch, EvidenceFields.class);
        Place place = place(access, journeyId, stageFor(patch, changed.stageId()), changed.touchpointId());
        return notes.updateEvidence(access.workspaceId(), id, new EvidenceFields(place.stageId(), place.touchpointId(),
                changed.kind(), changed.text(), changed.source(), changed.link()));
    }

    @Transactional
    public void delete(WorkspaceAccess access, UUID journeyId, Notes.NoteKind kind, UUID id, @Nullable String ifMatch) {
        journeys.lockForChange(access, journeyId, ifMatch);
        if (!notes.delete(kind, access.workspaceId(), journeyId, id)) {
            throw notFound(kind, id);
        }
    }

    /** Where on the map a note sits: a touchpoint implies its stage; both must belong to this journey. */
    private Place place(WorkspaceAccess access, UUID journeyId, @Nullable UUID stageId, @Nullable UUID touchpointId) {
        if (touchpointId != null) {
            Touchpoint touchpoint = touchpoints.find(access.workspaceId(), journeyId, touchpointId)
                    .orElseThrow(() -> new ValidationException("touchpointId", "is not a touchpoint of this journey"));
            if (stageId != null && !stageId.equals(touchpoint.stageId())) {
                throw new ValidationException("stageId", "is not the stage of the touchpoint given as touchpointId");
            }
            return new Place(touchpoint.stageId(), touchpointId);
        }
        if (stageId != null && !stages.exists(access.workspaceId(), journeyId, stageId)) {
            throw new ValidationException("stageId", "is not a stage of this journey");
        }
        return new Place(stageId, null);
    }

    /** A PATCH that moves a note to another touchpoint without naming a stage takes that touchpoint's stage. */
    private static @Nullable UUID stageFor(JsonNode patch, @Nullable UUID mergedStageId) {
        boolean movedToTouchpoint = patch.has("touchpointId") && !patch.get("touchpointId").isNull();
        return movedToTouchpoint && !patch.has("stageId") ? null : mergedStageId;
    }

    private void requirePainPoint(WorkspaceAccess access, UUID journeyId, @Nullable UUID painPointId) {
        if (painPointId != null && notes.findPainPoint(access.workspaceId(), journeyId, painPointId).isEmpty()) {
            throw new ValidationException("painPointId", "is not a pain point of this journey");
        }
    }

    private static NotFoundException notFound(Notes.NoteKind kind, UUID id) {
        return new NotFoundException(kind.label + " " + id);
    }

    private record Place(@Nullable UUID stageId, @Nullable UUID touchpointId) {
    }
}
