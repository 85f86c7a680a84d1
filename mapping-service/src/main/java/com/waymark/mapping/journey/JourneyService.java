package com.waymark.mapping.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.channel.Channel;
import com.waymark.mapping.channel.Channels;
import com.waymark.mapping.persona.Personas;
import com.waymark.mapping.support.ETags;
import com.waymark.mapping.support.MergePatch;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/** Journeys and reading a whole map; every change under a journey starts with {@link #lockForChange}. */
@Service
class JourneyService {

    private final Journeys journeys;
    private final Stages stages;
    private final Touchpoints touchpoints;
    private final Notes notes;
    private final Personas personas;
    private final MapEvents events;
    private final MergePatch mergePatch;
    private final Channels channels;

    JourneyService(Journeys journeys, Stages stages, Touchpoints touchpoints, Notes notes, Personas personas,
            MapEvents events, MergePatch mergePatch, Channels channels) {
        this.channels = channels;
        this.journeys = journeys;
        this.stages = stages;
        this.touchpoints = touchpoints;
        this.notes = notes;
        this.personas = personas;
        this.events = events;
        this.mergePatch = mergePatch;
    }

    @Transactional(readOnly = true)
    public Page<Journey> list(WorkspaceAccess access, @Nullable Integer limit, @Nullable String cursor,
            @Nullable Boolean reviewDue) {
        int size = Paging.limit(limit);
        return Paging.page(journeys.list(access.workspaceId(), Paging.after(cursor), size + 1, reviewDue), size, Journey::id);
    }

    /** One consistent snapshot of the map, so its content always matches its version. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public JourneyMap map(WorkspaceAccess access, UUID journeyId) {
        return read(access.workspaceId(), journeyId);
    }

    @Transactional
    public JourneyMap create(WorkspaceAccess access, JourneyFields fields) {
        requirePersona(access, fields.personaId());
        Journey created = journeys.insert(access.tenantId(), access.workspaceId(), fields);
        events.journeyChanged(access, created);
        return JourneyMap.of(created, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Transactional
    public JourneyMap update(WorkspaceAccess access, UUID journeyId, JsonNode patch, @Nullable String ifMatch) {
        lockForChange(access, journeyId, ifMatch);
        Journey current = journeys.find(access.workspaceId(), journeyId).orElseThrow(() -> notFound(journeyId));
        JourneyFields changed = mergePatch.apply(current.fields(), patch, JourneyFields.class);
        requirePersona(access, changed.personaId());
        journeys.update(access.workspaceId(), journeyId, changed);
        events.journeyChanged(access, journeys.find(access.workspaceId(), journeyId).orElseThrow());
        return read(access.workspaceId(), journeyId);
    }

    /** The map was reviewed today: its next review is due a full cadence from now. */
    @Transactional
    public JourneyMap markReviewed(WorkspaceAccess access, UUID journeyId, @Nullable String ifMatch) {
        lockForChange(access, journeyId, ifMatch);
        journeys.markReviewed(access.workspaceId(), journeyId);
        return read(access.workspaceId(), journeyId);
    }

    @Transactional
    public void delete(WorkspaceAccess access, UUID journeyId, @Nullable String ifMatch) {
        lockForChange(access, journeyId, ifMatch);
        journeys.delete(access.workspaceId(), journeyId);
        events.journeyDeleted(access, journeyId);
    }

    /**
     * Starts a change to a journey's map: locks the journey (so concurrent edits of one map queue up
     * and positions stay consistent), checks {@code If-Match} against its version, and moves it to a
     * new version. 404 when the journey is not in this workspace, 412 when the map has changed.
     */
    void lockForChange(WorkspaceAccess access, UUID journeyId, @Nullable String ifMatch) {
        long version = journeys.lockVersion(access.workspaceId(), journeyId).orElseThrow(() -> notFound(journeyId));
        ETags.check(ifMatch, version);
        journeys.touch(access.workspaceId(), journeyId);
    }

    /** The map as it is now; the caller's transaction decides how consistent (see {@link #map}). */
    JourneyMap read(UUID workspaceId, UUID journeyId) {
        Journey journey = journeys.find(workspaceId, journeyId).orElseThrow(() -> notFound(journeyId));
        Map<UUID, List<Touchpoint>> byStage = new LinkedHashMap<>();
        for (Touchpoint touchpoint : touchpoints.ofJourney(workspaceId, journeyId)) {
            byStage.computeIfAbsent(touchpoint.stageId(), id -> new ArrayList<>()).add(touchpoint);
        }
        List<JourneyMap.StageView> stageViews = stages.ofJourney(workspaceId, journeyId).stream()
                .map(stage -> new JourneyMap.StageView(stage.id(), stage.journeyId(), stage.name(), stage.position(),
                        List.copyOf(byStage.getOrDefault(stage.id(), List.of()))))
                .toList();
        Set<UUID> used = byStage.values().stream().flatMap(List::stream).map(Touchpoint::channelId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        List<Channel> channelsUsed = channels.all(workspaceId).stream().filter(channel -> used.contains(channel.id())).toList();
        return JourneyMap.of(journey, stageViews, notes.painPoints(workspaceId, journeyId),
                notes.opportunities(workspaceId, journeyId), notes.evidence(workspaceId, journeyId), channelsUsed);
    }

    private void requirePersona(WorkspaceAccess access, @Nullable UUID personaId) {
        if (personaId != null && !personas.exists(access.workspaceId(), personaId)) {
            throw new ValidationException("personaId", "is not a persona of this workspace");
        }
    }

    static NotFoundException notFound(UUID journeyId) {
        return new NotFoundException("Journey " + journeyId);
    }
}
