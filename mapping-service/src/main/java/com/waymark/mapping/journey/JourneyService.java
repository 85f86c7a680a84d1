package com.waymark.mapping.journey;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.persona.Personas;
import com.waymark.mapping.support.ETags;
import com.waymark.mapping.support.MergePatch;
import com.waymark.mapping.support.UnknownReference;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/** Journeys and reading a whole map; every change under a journey starts with {@link #lockForChange}. */
@Service
class JourneyService {

    private final Journeys journeys;
    private final MapReader reader;
    private final Personas personas;
    private final MapEvents events;
    private final MergePatch mergePatch;

    JourneyService(Journeys journeys, MapReader reader, Personas personas, MapEvents events, MergePatch mergePatch) {
        this.journeys = journeys;
        this.reader = reader;
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

    /**
     * One consistent snapshot of the map, so its content always matches its version: a repeatable-read
     * transaction, which the reader starts itself (see {@link MapReader#readSnapshot}).
     */
    @Transactional(readOnly = true)
    public JourneyMap map(WorkspaceAccess access, UUID journeyId) {
        return reader.readSnapshot(access.workspaceId(), journeyId).orElseThrow(() -> notFound(journeyId));
    }

    /** The map's version (its ETag) alone, for a conditional read that may need no map at all. */
    @Transactional(readOnly = true)
    public long version(WorkspaceAccess access, UUID journeyId) {
        return journeys.version(access.workspaceId(), journeyId).orElseThrow(() -> notFound(journeyId));
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
        return reader.read(workspaceId, journeyId).orElseThrow(() -> notFound(journeyId));
    }

    /** A persona of another workspace is a 404, exactly like one that does not exist. */
    private void requirePersona(WorkspaceAccess access, @Nullable UUID personaId) {
        if (personaId != null && !personas.exists(access.workspaceId(), personaId)) {
            throw new UnknownReference("personaId", "persona", "workspace");
        }
    }

    static NotFoundException notFound(UUID journeyId) {
        return new NotFoundException("Journey " + journeyId);
    }
}
