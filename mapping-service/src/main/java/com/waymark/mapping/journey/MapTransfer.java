package com.waymark.mapping.journey;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.mapping.channel.Channels;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.messaging.Uuids;

/**
 * Maps in and out as files: the JSON export (the map as {@code GET .../journeys/{id}} shows it) and
 * creating a new journey from such a file — an import, or a template instantiated. A file is checked
 * whole before anything is written, and written in one transaction: a bad file creates nothing.
 * Templates (another feature) use it through this class only.
 */
@Service
public class MapTransfer {

    private final JourneyService journeyService;
    private final Journeys journeys;
    private final Stages stages;
    private final Touchpoints touchpoints;
    private final Notes notes;
    private final Channels channels;
    private final MapEvents events;
    private final JsonMapper json;
    private final Validator validator;

    MapTransfer(JourneyService journeyService, Journeys journeys, Stages stages, Touchpoints touchpoints, Notes notes,
            Channels channels, MapEvents events, JsonMapper json, Validator validator) {
        this.journeyService = journeyService;
        this.journeys = journeys;
        this.stages = stages;
        this.touchpoints = touchpoints;
        this.notes = notes;
        this.channels = channels;
        this.events = events;
        this.json = json;
        this.validator = validator;
    }

    /** A journey created from a file: its id, map version (the ETag) and whole map. */
    public record NewMap(UUID id, long version, JsonNode map) {
    }

    /**
     * The map of a journey as a file, read in the caller's tenant context (a tenant-wide one reaches
     * any workspace of the tenant); 404 when the journey is not visible there.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public String export(UUID workspaceId, UUID journeyId) {
        return json.writeValueAsString(journeyService.read(workspaceId, journeyId));
    }

    /**
     * Creates a new journey in the caller's workspace from a map file ({@code name}, when given,
     * replaces the file's). Channels are matched by name, any case; missing ones are created.
     * 400 listing every problem of the file (with its path), and then nothing is written.
     */
    @Transactional
    public NewMap create(WorkspaceAccess access, JsonNode file, @Nullable String name) {
        List<FieldProblem> problems = new ArrayList<>();
        MapFile map = MapFile.read(file, name, json, validator, problems);
        if (map == null || !problems.isEmpty()) {
            throw new ValidationException(problems.isEmpty() ? List.of(new FieldProblem("body", "is not a journey map")) : problems);
        }
        UUID workspaceId = access.workspaceId();
        Journey journey = journeys.insert(access.tenantId(), workspaceId, map.journey());
        events.journeyChanged(access, journey);

        Map<String, UUID> channelIds = new HashMap<>();
        List<UUID> stageIds = new ArrayList<>();
        List<List<UUID>> touchpointIds = new ArrayList<>();
        for (int s = 0; s < map.stages().size(); s++) {
            MapFile.StageEntry entry = map.stages().get(s);
            Stage stage = new Stage(Uuids.timeOrdered(), journey.id(), entry.fields().name(), s);
            stages.insert(access.tenantId(), workspaceId, stage);
            events.stageChanged(access, stage);
            stageIds.add(stage.id());
            // ids first: a sub-touchpoint may come before its parent in the file
            List<UUID> ids = new ArrayList<>();
            entry.touchpoints().forEach(touchpoint -> ids.add(Uuids.timeOrdered()));
            for (int t = 0; t < entry.touchpoints().size(); t++) {
                MapFile.TouchpointEntry touchpointEntry = entry.touchpoints().get(t);
                TouchpointFields fields = touchpointEntry.fields();
                UUID channelId = touchpointEntry.channel() == null ? null
                        : channelIds.computeIfAbsent(touchpointEntry.channel().toLowerCase(Locale.ROOT),
                                key -> channels.findOrCreate(access.tenantId(), workspaceId, touchpointEntry.channel()).id());
                UUID parent = touchpointEntry.parent() == null ? null : ids.get(touchpointEntry.parent());
                Touchpoint touchpoint = new Touchpoint(ids.get(t), journey.id(), stage.id(), parent, fields.name(), channelId,
                        fields.expectedEmotion(), fields.owningTeam(), fields.customerAction(), fields.frontstage(),
                        fields.backstage(), fields.support(), t);
                touchpoints.insert(access.tenantId(), workspaceId, touchpoint);
                events.touchpointChanged(access, touchpoint);
            }
            touchpointIds.add(ids);
        }

        List<UUID> painPointIds = new ArrayList<>();
        for (MapFile.NoteEntry<PainPointFields> entry : map.painPoints()) {
            PainPointFields fields = entry.fields();
            Place place = place(entry, stageIds, touchpointIds);
            painPointIds.add(notes.insertPainPoint(access.tenantId(), workspaceId, journey.id(), new PainPointFields(
                    place.stage(), place.touchpoint(), fields.title(), fields.description(), fields.severity())).id());
        }
        for (MapFile.NoteEntry<OpportunityFields> entry : map.opportunities()) {
            OpportunityFields fields = entry.fields();
            UUID painPoint = entry.painPoint() == null ? null : painPointIds.get(entry.painPoint());
            notes.insertOpportunity(access.tenantId(), workspaceId, journey.id(), new OpportunityFields(painPoint,
                    fields.title(), fields.description(), fields.impact(), fields.effort(), fields.status(), fields.owner()));
        }
        for (MapFile.NoteEntry<EvidenceFields> entry : map.evidence()) {
            EvidenceFields fields = entry.fields();
            Place place = place(entry, stageIds, touchpointIds);
            notes.insertEvidence(access.tenantId(), workspaceId, journey.id(), new EvidenceFields(place.stage(),
                    place.touchpoint(), fields.kind(), fields.text(), fields.source(), fields.link()));
        }
        JourneyMap created = journeyService.read(workspaceId, journey.id());
        return new NewMap(created.id(), created.version(), json.valueToTree(created));
    }

    private record Place(@Nullable UUID stage, @Nullable UUID touchpoint) {
    }

    /** A note's place in the new map; a touchpoint implies its stage. */
    private static Place place(MapFile.NoteEntry<?> entry, List<UUID> stageIds, List<List<UUID>> touchpointIds) {
        int[] touchpoint = entry.touchpoint();
        if (touchpoint != null) {
            return new Place(stageIds.get(touchpoint[0]), touchpointIds.get(touchpoint[0]).get(touchpoint[1]));
        }
        return new Place(entry.stage() == null ? null : stageIds.get(entry.stage()), null);
    }
}
