package com.waymark.mapping.journey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import com.waymark.mapping.channel.Channel;

/**
 * What changed between two snapshots of one map, for people: the journey's own fields, then per
 * stage (in the newer map's order, removed stages after) the stage itself, its touchpoints and the
 * notes placed at it; notes not at any stage come last. Things are matched by id, so a renamed stage
 * is "changed", not "removed" + "added". Values are shown as people see them: channels, stages,
 * touchpoints and pain points by name, not id.
 *
 * <p>A stage or touchpoint counts as moved only when its place among the things present in both
 * versions changed: inserting a stage at the front does not make every later stage "moved".
 */
record MapDiff(List<FieldChange> journey, List<StageChange> stages, List<NoteChange> notes, List<String> summary) {

    static final String ADDED = "added";
    static final String REMOVED = "removed";
    static final String CHANGED = "changed";
    /** A stage whose own fields are the same but whose touchpoints or notes changed. */
    static final String UNCHANGED = "unchanged";

    /** One field: its value in the older and the newer version ({@code null} when empty). */
    record FieldChange(String field, @Nullable String from, @Nullable String to) {
    }

    record StageChange(UUID stageId, String name, String change, List<FieldChange> fields,
            List<TouchpointChange> touchpoints, List<NoteChange> notes) {
    }

    record TouchpointChange(UUID touchpointId, String name, String change, List<FieldChange> fields) {
    }

    /** {@code kind} is painPoint, opportunity or evidence; {@code title} is its title (evidence: its text, shortened). */
    record NoteChange(String kind, UUID id, String title, String change, List<FieldChange> fields) {
    }

    static MapDiff between(JourneyMap older, JourneyMap newer) {
        return new Differ(older, newer).diff();
    }

    /** The work of one comparison: lookups into both versions. */
    private static final class Differ {

        private final JourneyMap older;
        private final JourneyMap newer;
        private final Version before;
        private final Version after;
        private final List<String> summary = new ArrayList<>();

        Differ(JourneyMap older, JourneyMap newer) {
            this.older = older;
            this.newer = newer;
            this.before = new Version(older);
            this.after = new Version(newer);
        }

        MapDiff diff() {
            List<FieldChange> journey = journeyChanges();
            journey.forEach(change -> summary.add("Journey " + describe(change)));

            Map<UUID, List<TouchpointChange>> touchpointsByStage = touchpointChanges();
            Map<@Nullable UUID, List<NoteChange>> notesByStage = noteChanges();

            List<StageChange> stages = new ArrayList<>();
            List<UUID> commonBefore = before.stageOrder.stream().filter(after.stages::containsKey).toList();
            List<UUID> commonAfter = after.stageOrder.stream().filter(before.stages::containsKey).toList();
            List<UUID> stageIds = new ArrayList<>(after.stageOrder);
            before.stageOrder.stream().filter(id -> !after.stages.containsKey(id)).forEach(stageIds::add);
            for (UUID stageId : stageIds) {
                JourneyMap.StageView was = before.stages.get(stageId);
                JourneyMap.StageView now = after.stages.get(stageId);
                List<FieldChange> fields = new ArrayList<>();
                String change;
                String name = now != null ? now.name() : Objects.requireNonNull(was).name();
                if (was == null) {
                    change = ADDED;
                    summary.add("Stage \"" + name + "\" added at position " + Objects.requireNonNull(now).position());
                } else if (now == null) {
                    change = REMOVED;
                    summary.add("Stage \"" + name + "\" removed");
                } else {
                    add(fields, "name", was.name(), now.name());
                    int from = commonBefore.indexOf(stageId);
                    int to = commonAfter.indexOf(stageId);
                    if (from != to) {
                        fields.add(new FieldChange("position", String.valueOf(was.position()), String.valueOf(now.position())));
                    }
                    change = fields.isEmpty() ? UNCHANGED : CHANGED;
                    fields.forEach(field -> summary.add("Stage \"" + was.name() + "\" " + describe(field)));
                }
                List<TouchpointChange> touchpoints = touchpointsByStage.getOrDefault(stageId, List.of());
                List<NoteChange> notes = notesByStage.getOrDefault(stageId, List.of());
                touchpoints.forEach(touchpoint -> summary.add(describe(touchpoint, name)));
                notes.forEach(note -> summary.add(describe(note, name)));
                if (!change.equals(UNCHANGED) || !touchpoints.isEmpty() || !notes.isEmpty()) {
                    stages.add(new StageChange(stageId, name, change, fields, touchpoints, notes));
                }
            }
            List<NoteChange> loose = notesByStage.getOrDefault(null, List.of());
            loose.forEach(note -> summary.add(describe(note, null)));
            return new MapDiff(journey, stages, loose, summary);
        }

        private List<FieldChange> journeyChanges() {
            List<FieldChange> changes = new ArrayList<>();
            add(changes, "name", older.name(), newer.name());
            add(changes, "personaId", older.personaId(), newer.personaId());
            add(changes, "state", older.state(), newer.state());
            add(changes, "ownerName", older.ownerName(), newer.ownerName());
            add(changes, "reviewEveryDays", older.reviewEveryDays(), newer.reviewEveryDays());
            add(changes, "description", older.description(), newer.description());
            return changes;
        }

        /** Per stage (the newer one for touchpoints still there, the older one for removed ones). */
        private Map<UUID, List<TouchpointChange>> touchpointChanges() {
            Map<UUID, List<TouchpointChange>> byStage = new LinkedHashMap<>();
            for (JourneyMap.StageView stage : newer.stages()) {
                List<UUID> commonAfter = stage.touchpoints().stream().map(Touchpoint::id)
                        .filter(id -> sameStage(id, stage.id())).toList();
                JourneyMap.StageView oldStage = before.stages.get(stage.id());
                List<UUID> commonBefore = oldStage == null ? List.of() : oldStage.touchpoints().stream().map(Touchpoint::id)
                        .filter(id -> sameStage(id, stage.id())).toList();
                for (Touchpoint now : stage.touchpoints()) {
                    Touchpoint was = before.touchpoints.get(now.id());
                    if (was == null) {
                        byStage.computeIfAbsent(stage.id(), id -> new ArrayList<>())
                                .add(new TouchpointChange(now.id(), now.name(), ADDED, List.of()));
                        continue;
                    }
                    List<FieldChange> fields = touchpointFields(was, now);
                    if (!was.stageId().equals(now.stageId())) {
                        fields.add(new FieldChange("stage", before.stageName(was.stageId()), after.stageName(now.stageId())));
                    } else if (commonBefore.indexOf(now.id()) != commonAfter.indexOf(now.id())) {
                        fields.add(new FieldChange("position", String.valueOf(was.position()), String.valueOf(now.position())));
                    }
                    if (!fields.isEmpty()) {
                        byStage.computeIfAbsent(stage.id(), id -> new ArrayList<>())
                                .add(new TouchpointChange(now.id(), now.name(), CHANGED, fields));
                    }
                }
            }
            for (JourneyMap.StageView stage : older.stages()) {
                for (Touchpoint was : stage.touchpoints()) {
                    if (!after.touchpoints.containsKey(was.id())) {
                        byStage.computeIfAbsent(stage.id(), id -> new ArrayList<>())
                                .add(new TouchpointChange(was.id(), was.name(), REMOVED, List.of()));
                    }
                }
            }
            return byStage;
        }

        private boolean sameStage(UUID touchpointId, UUID stageId) {
            Touchpoint was = before.touchpoints.get(touchpointId);
            Touchpoint now = after.touchpoints.get(touchpointId);
            return was != null && now != null && was.stageId().equals(stageId) && now.stageId().equals(stageId);
        }

        private List<FieldChange> touchpointFields(Touchpoint was, Touchpoint now) {
            List<FieldChange> fields = new ArrayList<>();
            add(fields, "name", was.name(), now.name());
            add(fields, "channel", before.channelName(was.channelId()), after.channelName(now.channelId()));
            add(fields, "expectedEmotion", was.expectedEmotion(), now.expectedEmotion());
            add(fields, "owningTeam", was.owningTeam(), now.owningTeam());
            add(fields, "parent", before.touchpointName(was.parentTouchpointId()), after.touchpointName(now.parentTouchpointId()));
            lane(fields, "customerAction", was.customerAction(), now.customerAction());
            lane(fields, "frontstage", was.frontstage(), now.frontstage());
            lane(fields, "backstage", was.backstage(), now.backstage());
            lane(fields, "support", was.support(), now.support());
            return fields;
        }

        private static void lane(List<FieldChange> fields, String name, @Nullable Lane was, @Nullable Lane now) {
            add(fields, name + ".text", was == null ? null : was.text(), now == null ? null : now.text());
            add(fields, name + ".owningTeam", was == null ? null : was.owningTeam(), now == null ? null : now.owningTeam());
        }

        /** Grouped by the stage they are at (the newer version's place; removed ones at their old place); null = no stage. */
        private Map<@Nullable UUID, List<NoteChange>> noteChanges() {
            Map<@Nullable UUID, List<NoteChange>> byStage = new HashMap<>();
            notes("painPoint", older.painPoints(), newer.painPoints(), PainPoint::id, PainPoint::title,
                    (version, note) -> note.stageId(), this::painPointFields, byStage);
            notes("opportunity", older.opportunities(), newer.opportunities(), Opportunity::id, Opportunity::title,
                    (version, note) -> version.painPointStage(note.painPointId()), this::opportunityFields, byStage);
            notes("evidence", older.evidence(), newer.evidence(), Evidence::id, evidence -> shorten(evidence.text()),
                    (version, note) -> note.stageId(), this::evidenceFields, byStage);
            return byStage;
        }

        private <T> void notes(String kind, List<T> was, List<T> now, Function<T, UUID> id, Function<T, String> title,
                Placement<T> stageOf, FieldDiff<T> fields, Map<@Nullable UUID, List<NoteChange>> byStage) {
            Map<UUID, T> old = index(was, id);
            Map<UUID, T> current = index(now, id);
            for (T note : now) {
                T previous = old.get(id.apply(note));
                NoteChange change = previous == null
                        ? new NoteChange(kind, id.apply(note), title.apply(note), ADDED, List.of())
                        : new NoteChange(kind, id.apply(note), title.apply(note), CHANGED, fields.between(previous, note));
                if (previous == null || !change.fields().isEmpty()) {
                    byStage.computeIfAbsent(stageOf.stage(after, note), stage -> new ArrayList<>()).add(change);
                }
            }
            for (T note : was) {
                if (!current.containsKey(id.apply(note))) {
                    byStage.computeIfAbsent(stageOf.stage(before, note), stage -> new ArrayList<>())
                            .add(new NoteChange(kind, id.apply(note), title.apply(note), REMOVED, List.of()));
                }
            }
        }

        private List<FieldChange> painPointFields(PainPoint was, PainPoint now) {
            List<FieldChange> fields = new ArrayList<>();
            add(fields, "title", was.title(), now.title());
            add(fields, "description", was.description(), now.description());
            add(fields, "severity", was.severity(), now.severity());
            add(fields, "stage", before.stageName(was.stageId()), after.stageName(now.stageId()));
            add(fields, "touchpoint", before.touchpointName(was.touchpointId()), after.touchpointName(now.touchpointId()));
            return fields;
        }

        private List<FieldChange> opportunityFields(Opportunity was, Opportunity now) {
            List<FieldChange> fields = new ArrayList<>();
            add(fields, "title", was.title(), now.title());
            add(fields, "description", was.description(), now.description());
            add(fields, "impact", was.impact(), now.impact());
            add(fields, "effort", was.effort(), now.effort());
            add(fields, "status", was.status(), now.status());
            add(fields, "owner", was.owner(), now.owner());
            add(fields, "painPoint", before.painPointTitle(was.painPointId()), after.painPointTitle(now.painPointId()));
            return fields;
        }

        private List<FieldChange> evidenceFields(Evidence was, Evidence now) {
            List<FieldChange> fields = new ArrayList<>();
            add(fields, "kind", was.kind(), now.kind());
            add(fields, "text", was.text(), now.text());
            add(fields, "source", was.source(), now.source());
            add(fields, "link", was.link(), now.link());
            add(fields, "stage", before.stageName(was.stageId()), after.stageName(now.stageId()));
            add(fields, "touchpoint", before.touchpointName(was.touchpointId()), after.touchpointName(now.touchpointId()));
            return fields;
        }
    }

    /** Lookups into one version of the map. */
    private static final class Version {

        final List<UUID> stageOrder;
        final Map<UUID, JourneyMap.StageView> stages;
        final Map<UUID, Touchpoint> touchpoints = new HashMap<>();
        final Map<UUID, PainPoint> painPoints;
        final Map<UUID, String> channels;

        Version(JourneyMap map) {
            stageOrder = map.stages().stream().map(JourneyMap.StageView::id).toList();
            stages = index(map.stages(), JourneyMap.StageView::id);
            map.stages().forEach(stage -> stage.touchpoints().forEach(touchpoint -> touchpoints.put(touchpoint.id(), touchpoint)));
            painPoints = index(map.painPoints(), PainPoint::id);
            channels = new HashMap<>();
            map.channels().forEach(channel -> channels.put(channel.id(), channel.name()));
        }

        @Nullable String stageName(@Nullable UUID id) {
            JourneyMap.StageView stage = id == null ? null : stages.get(id);
            return id == null ? null : stage == null ? id.toString() : stage.name();
        }

        @Nullable String touchpointName(@Nullable UUID id) {
            Touchpoint touchpoint = id == null ? null : touchpoints.get(id);
            return id == null ? null : touchpoint == null ? id.toString() : touchpoint.name();
        }

        @Nullable String channelName(@Nullable UUID id) {
            return id == null ? null : channels.getOrDefault(id, id.toString());
        }

        @Nullable String painPointTitle(@Nullable UUID id) {
            PainPoint painPoint = id == null ? null : painPoints.get(id);
            return id == null ? null : painPoint == null ? id.toString() : painPoint.title();
        }

        /** An opportunity is shown at the stage of the pain point it addresses. */
        @Nullable UUID painPointStage(@Nullable UUID painPointId) {
            PainPoint painPoint = painPointId == null ? null : painPoints.get(painPointId);
            return painPoint == null ? null : painPoint.stageId();
        }
    }

    @FunctionalInterface
    private interface Placement<T> {
        @Nullable UUID stage(Version version, T note);
    }

    @FunctionalInterface
    private interface FieldDiff<T> {
        List<FieldChange> between(T was, T now);
    }

    private static <T> Map<UUID, T> index(List<T> items, Function<T, UUID> id) {
        Map<UUID, T> index = new LinkedHashMap<>();
        items.forEach(item -> index.put(id.apply(item), item));
        return index;
    }

    private static void add(List<FieldChange> changes, String field, @Nullable Object was, @Nullable Object now) {
        String from = was == null ? null : was.toString();
        String to = now == null ? null : now.toString();
        if (!Objects.equals(from, to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    private static String describe(FieldChange change) {
        return change.field() + ": " + quote(change.from()) + " → " + quote(change.to());
    }

    private static String describe(TouchpointChange change, String stage) {
        String subject = "Touchpoint \"" + change.name() + "\"";
        return switch (change.change()) {
            case ADDED -> subject + " added to stage \"" + stage + "\"";
            case REMOVED -> subject + " removed from stage \"" + stage + "\"";
            default -> subject + " in stage \"" + stage + "\": " + String.join(", ",
                    change.fields().stream().map(MapDiff::describe).toList());
        };
    }

    private static String describe(NoteChange change, @Nullable String stage) {
        String subject = switch (change.kind()) {
            case "painPoint" -> "Pain point";
            case "opportunity" -> "Opportunity";
            default -> "Evidence";
        } + " \"" + change.title() + "\"";
        String where = stage == null ? "" : " (stage \"" + stage + "\")";
        return switch (change.change()) {
            case ADDED -> subject + " added" + where;
            case REMOVED -> subject + " removed" + where;
            default -> subject + where + ": " + String.join(", ", change.fields().stream().map(MapDiff::describe).toList());
        };
    }

    private static String quote(@Nullable String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
