package com.waymark.mapping.journey;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The journey's stages, every one exactly once, in their new order. */
record StageOrder(@NotNull List<@NotNull UUID> stageIds) {
}
