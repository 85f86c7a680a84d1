package com.waymark.mapping.journey;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;

/**
 * Versions of a map: a labelled snapshot of the whole map, read back as it was, and compared. Taking
 * a snapshot does not change the map (its ETag stays), but waits for changes in progress.
 */
@Service
class VersionService {

    private final JourneyService journeyService;
    private final Journeys journeys;
    private final JourneyVersions versions;
    private final JsonMapper json;

    VersionService(JourneyService journeyService, Journeys journeys, JourneyVersions versions, JsonMapper json) {
        this.journeyService = journeyService;
        this.journeys = journeys;
        this.versions = versions;
        this.json = json;
    }

    @Transactional
    public JourneyVersion create(WorkspaceAccess access, UUID journeyId, VersionFields fields) {
        // every change to a map locks its journey first: holding the lock, the map reads back consistent
        journeys.lockVersion(access.workspaceId(), journeyId).orElseThrow(() -> JourneyService.notFound(journeyId));
        JourneyMap map = journeyService.read(access.workspaceId(), journeyId);
        return versions.insert(access.tenantId(), access.workspaceId(), journeyId, fields.label(),
                json.writeValueAsString(map), access.userId());
    }

    @Transactional(readOnly = true)
    public Page<JourneyVersion> list(WorkspaceAccess access, UUID journeyId) {
        requireJourney(access, journeyId);
        return new Page<>(versions.list(access.workspaceId(), journeyId), null);
    }

    /** The map as it was when version {@code number} was taken. */
    @Transactional(readOnly = true)
    public JsonNode snapshot(WorkspaceAccess access, UUID journeyId, int number) {
        requireJourney(access, journeyId);
        return json.readTree(snapshotText(access, journeyId, number));
    }

    @Transactional(readOnly = true)
    public VersionDiff diff(WorkspaceAccess access, UUID journeyId, int from, int to) {
        requireJourney(access, journeyId);
        JourneyVersion older = version(access, journeyId, from);
        JourneyVersion newer = version(access, journeyId, to);
        JourneyMap before = json.readValue(snapshotText(access, journeyId, from), JourneyMap.class);
        JourneyMap after = json.readValue(snapshotText(access, journeyId, to), JourneyMap.class);
        return new VersionDiff(older, newer, MapDiff.between(before, after));
    }

    private JourneyVersion version(WorkspaceAccess access, UUID journeyId, int number) {
        return versions.find(access.workspaceId(), journeyId, number).orElseThrow(() -> notFound(journeyId, number));
    }

    private String snapshotText(WorkspaceAccess access, UUID journeyId, int number) {
        return versions.snapshot(access.workspaceId(), journeyId, number).orElseThrow(() -> notFound(journeyId, number));
    }

    private void requireJourney(WorkspaceAccess access, UUID journeyId) {
        if (journeys.find(access.workspaceId(), journeyId).isEmpty()) {
            throw JourneyService.notFound(journeyId);
        }
    }

    private static NotFoundException notFound(UUID journeyId, int number) {
        return new NotFoundException("Version " + number + " of journey " + journeyId);
    }
}
