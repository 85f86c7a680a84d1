package com.waymark.mapping.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.ValidationException;

class MergePatchTest {

    record Lane(@NotBlank String text, @Nullable String team) {
    }

    record Fields(@NotBlank String name, @Nullable String note, @Min(-2) @Max(2) Integer level, @Valid @Nullable Lane lane) {

        Fields {
            level = level == null ? 0 : level;
        }
    }

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final JsonMapper json = JsonMapper.builder().build();
    private final MergePatch mergePatch = new MergePatch(json, validation.getValidator());
    private final Fields current = new Fields("Checkout", "slow", 1, new Lane("pays", "Web team"));

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void absentFieldsStayAndGivenOnesChange() {
        Fields patched = mergePatch.apply(current, json.readTree("{\"name\":\"Payment\"}"), Fields.class);
        assertThat(patched).isEqualTo(new Fields("Payment", "slow", 1, new Lane("pays", "Web team")));
    }

    @Test
    void nullClearsAFieldOrResetsItToItsDefault() {
        Fields patched = mergePatch.apply(current, json.readTree("{\"note\":null,\"level\":null,\"lane\":null}"), Fields.class);
        assertThat(patched).isEqualTo(new Fields("Checkout", null, 0, null));
    }

    @Test
    void nestedObjectsMergeMemberByMember() {
        Fields patched = mergePatch.apply(current, json.readTree("{\"lane\":{\"team\":\"Payments\"}}"), Fields.class);
        assertThat(patched.lane()).isEqualTo(new Lane("pays", "Payments"));
    }

    @Test
    void theResultIsValidatedAsAWholeNamingEachField() {
        assertThatThrownBy(() -> mergePatch.apply(current, json.readTree("{\"name\":\" \",\"level\":3}"), Fields.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field).containsExactly("level", "name"));
    }

    @Test
    void aNewNestedObjectMustBeCompleteOnItsOwn() {
        Fields withoutLane = new Fields("Checkout", null, 0, null);
        assertThatThrownBy(() -> mergePatch.apply(withoutLane, json.readTree("{\"lane\":{\"team\":\"Ops\"}}"), Fields.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("lane.text"));
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedByName() {
        assertThatThrownBy(() -> mergePatch.apply(current, json.readTree("{\"colour\":\"red\"}"), Fields.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("colour"));
        assertThatThrownBy(() -> mergePatch.apply(current, json.readTree("{\"level\":\"high\"}"), Fields.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("level"));
        assertThatThrownBy(() -> mergePatch.apply(current, json.readTree("[1]"), Fields.class))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("body"));
    }
}
