package com.waymark.mapping.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import com.waymark.platform.error.PreconditionFailedException;

class ETagsTest {

    @Test
    void noIfMatchOrAWildcardOrTheCurrentTagPasses() {
        assertThatCode(() -> ETags.check(null, 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("*", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check(ETags.of(7), 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("W/\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("\"5\", \"7\"", 7)).doesNotThrowAnyException();
    }

    @Test
    void aStaleTagIsAPreconditionFailure() {
        assertThatThrownBy(() -> ETags.check("\"6\"", 7)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> ETags.check("7", 7)).isInstanceOf(PreconditionFailedException.class);
    }
}
