package com.waymark.mapping.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import com.waymark.platform.error.ValidationException;

class PositionsTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID added = UUID.randomUUID();

    @Test
    void aNewItemWithoutPositionGoesLast() {
        assertThat(Positions.place(List.of(a, b, c), added, null)).containsExactly(a, b, c, added);
    }

    @Test
    void aNewItemAtAPositionPushesTheRestDown() {
        assertThat(Positions.place(List.of(a, b, c), added, 0)).containsExactly(added, a, b, c);
        assertThat(Positions.place(List.of(a, b, c), added, 2)).containsExactly(a, b, added, c);
    }

    @Test
    void aPositionPastTheEndMeansLast() {
        assertThat(Positions.place(List.of(a, b), added, 99)).containsExactly(a, b, added);
    }

    @Test
    void anExistingItemMovesRatherThanAppearingTwice() {
        assertThat(Positions.place(List.of(a, b, c), c, 0)).containsExactly(c, a, b);
        assertThat(Positions.place(List.of(a, b, c), a, 2)).containsExactly(b, c, a);
        assertThat(Positions.place(List.of(a, b, c), b, null)).containsExactly(a, c, b);
    }

    @Test
    void aReorderMustNameEveryCurrentIdExactlyOnce() {
        assertThat(Positions.reorder(List.of(a, b, c), List.of(c, a, b), "ids")).containsExactly(c, a, b);
        assertThatThrownBy(() -> Positions.reorder(List.of(a, b, c), List.of(c, a), "ids"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("ids"));
        assertThatThrownBy(() -> Positions.reorder(List.of(a, b), List.of(a, b, added), "ids"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Positions.reorder(List.of(a, b), List.of(a, b, b), "ids"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Positions.reorder(List.of(a, b), List.of(a, added), "ids"))
                .isInstanceOf(ValidationException.class);
    }
}
