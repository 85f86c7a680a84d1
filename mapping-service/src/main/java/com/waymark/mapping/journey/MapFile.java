package com.waymark.mapping.journey;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import com.waymark.platform.error.JsonPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.platform.error.FieldProblem;

/**
 * A map file (the JSON of {@code GET .../journeys/{id}}) read into what it takes to create it again:
 * the same records and constraints as the API's own create bodies. Its ids only tie its parts
 * together (a pain point's {@code stageId} names a stage of the file); channels are matched by name
 * (a touchpoint's {@code channel}, or its {@code channelId} looked up in the file's {@code channels}).
 * The persona is not carried over. Reading never stops at the first problem: every one is reported
 * with its path ({@code stages[1].touchpoints[0].expectedEmotion}).
 */
record MapFile(JourneyFields journey, List<StageEntry> stages, List<NoteEntry<PainPointFields>> painPoints,
        List<NoteEntry<OpportunityFields>> opportunities, List<NoteEntry<EvidenceFields>> evidence) {

    /** Bounds on what one file may create: the caps of any map (see {@link MapCaps}), and on its notes. */
    static final int MAX_NOTES = 1000;
    static final int MAX_CHANNELS = 500;

    /** A stage of the file with its touchpoints, in file order. */
    record StageEntry(StageFields fields, List<TouchpointEntry> touchpoints) {
    }

    /**
     * A touchpoint, the name of its channel (null: none) and, for a sub-touchpoint, the index of its
     * parent among the touchpoints of the same stage.
     */
    record TouchpointEntry(TouchpointFields fields, @Nullable String channel, @Nullable Integer parent) {
    }

    /** A touchpoint's {@code parentTouchpointId} in the file, resolved once all touchpoints are known. */
    private record ParentRef(int stage, int index, String path, String parentId) {
    }

    /**
     * A note whose references are indexes into the file: {@code stage} and {@code touchpoint}
     * ([stage, touchpoint] indexes) for pain points and evidence, {@code painPoint} for opportunities.
     */
    record NoteEntry<T>(T fields, @Nullable Integer stage, int @Nullable [] touchpoint, @Nullable Integer painPoint) {
    }

    /** Reads a file; {@code problems} collects everything wrong with it (nothing is valid unless it stays empty). */
    static @Nullable MapFile read(JsonNode root, @Nullable String nameOverride, JsonMapper json, Validator validator,
            List<FieldProblem> problems) {
        return new Reader(json, validator, problems).read(root, nameOverride);
    }

    private static final class Reader {

        private final JsonMapper json;
        private final Validator validator;
        private final List<FieldProblem> problems;
        private final Map<String, Integer> stageIds = new HashMap<>();
        private final Map<String, int[]> touchpointIds = new HashMap<>();
        private final Map<String, Integer> painPointIds = new HashMap<>();
        private final List<ParentRef> parentRefs = new ArrayList<>();
        private int touchpointCount;

        Reader(JsonMapper json, Validator validator, List<FieldProblem> problems) {
            this.json = json;
            this.validator = validator;
            this.problems = problems;
        }

        @Nullable MapFile read(JsonNode root, @Nullable String nameOverride) {
            if (!(root instanceof ObjectNode file)) {
                problems.add(new FieldProblem("body", "must be a JSON object: a journey map"));
                return null;
            }
            ObjectNode journeyNode = file.deepCopy();
            if (nameOverride != null) {
                journeyNode.put("name", nameOverride);
            }
            // the persona is workspace-specific: a map lands without one
            journeyNode.remove("personaId");
            JourneyFields journey = bind(journeyNode, JourneyFields.class, "");

            Map<String, String> channels = channels(file.get("channels"));
            List<StageEntry> stages = new ArrayList<>();
            List<JsonNode> stageNodes = array(file.get("stages"), "stages", MapCaps.STAGES, MapCaps.TOO_MANY_STAGES.message());
            for (int s = 0; s < stageNodes.size(); s++) {
                String path = "stages[" + s + "]";
                JsonNode stageNode = stageNodes.get(s);
                if (!(stageNode instanceof ObjectNode)) {
                    problems.add(new FieldProblem(path, "must be an object"));
                    continue;
                }
                remember(stageNode, stageIds, s, path);
                ObjectNode stageFields = ((ObjectNode) stageNode).deepCopy();
                stageFields.remove("position");
                StageFields stage = bind(stageFields, StageFields.class, path + ".");
                List<TouchpointEntry> touchpoints = new ArrayList<>();
                List<JsonNode> touchpointNodes = array(stageNode.get("touchpoints"), path + ".touchpoints", MapCaps.TOUCHPOINTS,
                        MapCaps.TOO_MANY_TOUCHPOINTS.message());
                touchpointCount += stageNode.get("touchpoints") instanceof tools.jackson.databind.node.ArrayNode all ? all.size() : 0;
                for (int t = 0; t < touchpointNodes.size(); t++) {
                    TouchpointEntry touchpoint = touchpoint(touchpointNodes.get(t), path + ".touchpoints[" + t + "]", s, t, channels);
                    if (touchpoint != null) {
                        touchpoints.add(touchpoint);
                    }
                }
                if (stage != null) {
                    stages.add(new StageEntry(stage, touchpoints));
                }
            }
            if (touchpointCount > MapCaps.TOUCHPOINTS) {
                problems.add(MapCaps.TOO_MANY_TOUCHPOINTS);
            }
            resolveParents(stages);

            List<NoteEntry<PainPointFields>> painPoints = new ArrayList<>();
            List<JsonNode> painPointNodes = array(file.get("painPoints"), "painPoints", MAX_NOTES);
            for (int i = 0; i < painPointNodes.size(); i++) {
                String path = "painPoints[" + i + "]";
                if (painPointNodes.get(i) instanceof ObjectNode node) {
                    remember(node, painPointIds, i, path);
                    PainPointFields fields = bind(withoutRefs(node, "stageId", "touchpointId"), PainPointFields.class, path + ".");
                    Integer stage = stageRef(node, path);
                    int[] touchpoint = touchpointRef(node, path, stage);
                    if (fields != null) {
                        painPoints.add(new NoteEntry<>(fields, stage, touchpoint, null));
                    }
                } else {
                    problems.add(new FieldProblem(path, "must be an object"));
                }
            }

            List<NoteEntry<OpportunityFields>> opportunities = new ArrayList<>();
            List<JsonNode> opportunityNodes = array(file.get("opportunities"), "opportunities", MAX_NOTES);
            for (int i = 0; i < opportunityNodes.size(); i++) {
                String path = "opportunities[" + i + "]";
                if (opportunityNodes.get(i) instanceof ObjectNode node) {
                    OpportunityFields fields = bind(withoutRefs(node, "painPointId"), OpportunityFields.class, path + ".");
                    Integer painPoint = ref(node, "painPointId", painPointIds, path, "is not one of the file's pain points");
                    if (fields != null) {
                        opportunities.add(new NoteEntry<>(fields, null, null, painPoint));
                    }
                } else {
                    problems.add(new FieldProblem(path, "must be an object"));
                }
            }

            List<NoteEntry<EvidenceFields>> evidence = new ArrayList<>();
            List<JsonNode> evidenceNodes = array(file.get("evidence"), "evidence", MAX_NOTES);
            for (int i = 0; i < evidenceNodes.size(); i++) {
                String path = "evidence[" + i + "]";
                if (evidenceNodes.get(i) instanceof ObjectNode node) {
                    EvidenceFields fields = bind(withoutRefs(node, "stageId", "touchpointId"), EvidenceFields.class, path + ".");
                    Integer stage = stageRef(node, path);
                    int[] touchpoint = touchpointRef(node, path, stage);
                    if (fields != null) {
                        evidence.add(new NoteEntry<>(fields, stage, touchpoint, null));
                    }
                } else {
                    problems.add(new FieldProblem(path, "must be an object"));
                }
            }
            return journey == null || !problems.isEmpty() ? null
                    : new MapFile(journey, stages, painPoints, opportunities, evidence);
        }

        private @Nullable TouchpointEntry touchpoint(JsonNode node, String path, int stage, int index, Map<String, String> channels) {
            if (!(node instanceof ObjectNode object)) {
                problems.add(new FieldProblem(path, "must be an object"));
                return null;
            }
            remember(object, touchpointIds, new int[] {stage, index}, path);
            JsonNode parentId = object.get("parentTouchpointId");
            if (parentId != null && !parentId.isNull()) {
                parentRefs.add(new ParentRef(stage, index, path + ".parentTouchpointId", parentId.asString()));
            }
            ObjectNode fieldsNode = withoutRefs(object, "stageId", "channelId", "channel", "position", "parentTouchpointId");
            TouchpointFields fields = bind(fieldsNode, TouchpointFields.class, path + ".");
            String channel = null;
            JsonNode name = object.get("channel");
            JsonNode channelId = object.get("channelId");
            if (name != null && !name.isNull()) {
                if (!name.isString() || name.asString().isBlank() || name.asString().length() > 100) {
                    problems.add(new FieldProblem(path + ".channel", "must be a channel name of 1 to 100 characters"));
                } else {
                    channel = name.asString().strip();
                }
            } else if (channelId != null && !channelId.isNull()) {
                channel = channels.get(channelId.asString());
                if (channel == null) {
                    problems.add(new FieldProblem(path + ".channelId", "is not one of the file's channels"));
                }
            }
            return fields == null ? null : new TouchpointEntry(fields, channel, null);
        }

        /**
         * Ties each sub-touchpoint to its parent: a top-level touchpoint of the same stage of the file.
         * (Only a file without problems is used, so stage and touchpoint indexes are the file's.)
         */
        private void resolveParents(List<StageEntry> stages) {
            java.util.Set<String> children = new java.util.HashSet<>();
            parentRefs.forEach(ref -> children.add(ref.stage() + ":" + ref.index()));
            for (ParentRef ref : parentRefs) {
                int[] parent = touchpointIds.get(ref.parentId());
                if (parent == null) {
                    problems.add(new FieldProblem(ref.path(), "is not one of the file's touchpoints"));
                } else if (parent[0] != ref.stage()) {
                    problems.add(new FieldProblem(ref.path(), "must be a touchpoint of the same stage"));
                } else if (parent[1] == ref.index()) {
                    problems.add(new FieldProblem(ref.path(), "must not be the touchpoint itself"));
                } else if (children.contains(parent[0] + ":" + parent[1])) {
                    problems.add(new FieldProblem(ref.path(), "is a sub-touchpoint itself; sub-touchpoints cannot have sub-touchpoints"));
                } else if (ref.stage() < stages.size() && ref.index() < stages.get(ref.stage()).touchpoints().size()) {
                    List<TouchpointEntry> touchpoints = stages.get(ref.stage()).touchpoints();
                    TouchpointEntry child = touchpoints.get(ref.index());
                    touchpoints.set(ref.index(), new TouchpointEntry(child.fields(), child.channel(), parent[1]));
                }
            }
        }

        /** The file's channels: id → name. */
        private Map<String, String> channels(@Nullable JsonNode node) {
            Map<String, String> channels = new HashMap<>();
            List<JsonNode> nodes = array(node, "channels", MAX_CHANNELS);
            for (int i = 0; i < nodes.size(); i++) {
                JsonNode id = nodes.get(i).get("id");
                JsonNode name = nodes.get(i).get("name");
                if (id == null || !id.isString()) {
                    problems.add(new FieldProblem("channels[" + i + "].id", "must not be empty"));
                } else if (name == null || !name.isString() || name.asString().isBlank() || name.asString().length() > 100) {
                    problems.add(new FieldProblem("channels[" + i + "].name", "must be a channel name of 1 to 100 characters"));
                } else {
                    channels.put(id.asString(), name.asString().strip());
                }
            }
            return channels;
        }

        private @Nullable Integer stageRef(JsonNode node, String path) {
            return ref(node, "stageId", stageIds, path, "is not one of the file's stages");
        }

        /** A touchpoint implies its stage; a stage given as well must be that one. */
        private int @Nullable [] touchpointRef(JsonNode node, String path, @Nullable Integer stage) {
            JsonNode value = node.get("touchpointId");
            if (value == null || value.isNull()) {
                return null;
            }
            int[] touchpoint = touchpointIds.get(value.asString());
            if (touchpoint == null) {
                problems.add(new FieldProblem(path + ".touchpointId", "is not one of the file's touchpoints"));
            } else if (stage != null && stage != touchpoint[0]) {
                problems.add(new FieldProblem(path + ".touchpointId", "is not at the stage given by stageId"));
            }
            return touchpoint;
        }

        private <T> @Nullable T ref(JsonNode node, String field, Map<String, T> known, String path, String message) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            T found = known.get(value.asString());
            if (found == null) {
                problems.add(new FieldProblem(path + "." + field, message));
            }
            return found;
        }

        private <T> void remember(JsonNode node, Map<String, T> ids, T value, String path) {
            JsonNode id = node.get("id");
            if (id != null && !id.isNull() && ids.putIfAbsent(id.asString(), value) != null) {
                problems.add(new FieldProblem(path + ".id", "is used twice in the file"));
            }
        }

        private List<JsonNode> array(@Nullable JsonNode node, String path, int max) {
            return array(node, path, max, "must have at most " + max + " items");
        }

        private List<JsonNode> array(@Nullable JsonNode node, String path, int max, String tooMany) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problems.add(new FieldProblem(path, "must be an array"));
                return List.of();
            }
            if (node.size() > max) {
                problems.add(new FieldProblem(path, tooMany));
                return List.of();
            }
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }

        /**
         * Binds the record's own fields of {@code node} (whatever else the file carries, ids and
         * timestamps, is not part of it) and validates them like the API's create body would.
         */
        private <T extends Record> @Nullable T bind(ObjectNode node, Class<T> type, String prefix) {
            Set<String> components = new HashSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
            ObjectNode own = json.createObjectNode();
            node.properties().forEach(property -> {
                if (components.contains(property.getKey())) {
                    own.set(property.getKey(), property.getValue());
                }
            });
            T value;
            try {
                value = json.treeToValue(own, type);
            } catch (JacksonException e) {
                String field = JsonPaths.of(e);
                problems.add(new FieldProblem(prefix + (field.isEmpty() ? "" : field), "has the wrong type or format"));
                return null;
            }
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            violations.stream()
                    .map(violation -> new FieldProblem(prefix + violation.getPropertyPath(), violation.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldProblem::field))
                    .forEach(problems::add);
            return violations.isEmpty() ? value : null;
        }

        private static ObjectNode withoutRefs(ObjectNode node, String... fields) {
            ObjectNode copy = node.deepCopy();
            for (String field : fields) {
                copy.remove(field);
            }
            return copy;
        }
    }
}
