package com.waymark.mapping.support;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import com.waymark.platform.error.JsonPaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

/**
 * PATCH as a JSON merge patch (RFC 7396): the patch is merged onto the resource's current editable
 * fields, and the result is bound and validated as a whole with the same record (and constraints)
 * that creation uses. So a PATCH can set a field to null, leaves absent fields alone, and can never
 * produce a state a POST could not have produced.
 */
@Component
public class MergePatch {

    private final JsonMapper json;
    private final Validator validator;

    public MergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** {@code current} with {@code patch} applied, validated; 400 naming every field at fault. */
    public <T extends Record> T apply(T current, JsonNode patch, Class<T> type) {
        if (!(patch instanceof ObjectNode changes)) {
            throw new ValidationException("body", "must be a JSON object");
        }
        Set<String> known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        List<FieldProblem> unknown = changes.propertyNames().stream().filter(name -> !known.contains(name)).sorted()
                .map(name -> new FieldProblem(name, "is not a field that can be changed")).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
        ObjectNode merged = json.valueToTree(current);
        merge(merged, changes);
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JacksonException e) {
            String field = JsonPaths.of(e);
            throw new ValidationException(field.isEmpty() ? "body" : field, "has the wrong type or format");
        }
        validate(result);
        return result;
    }

    /** Throws a 400 naming each violated constraint of {@code value}. */
    public void validate(Object value) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.stream()
                    .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList());
        }
    }

    /** RFC 7396 §2: objects merge member by member, anything else (null included) replaces. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> change : patch.properties()) {
            JsonNode value = change.getValue();
            if (value instanceof ObjectNode nested) {
                JsonNode existing = target.get(change.getKey());
                ObjectNode base = existing instanceof ObjectNode object ? object.deepCopy() : target.objectNode();
                merge(base, nested);
                target.set(change.getKey(), base);
            } else {
                target.set(change.getKey(), value);
            }
        }
    }
}
