package com.waymark.mapping.journey;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The stage's touchpoints (sub-touchpoints included), every one exactly once, in their new order. */
record TouchpointOrder(@NotNull List<@NotNull UUID> touchpointIds) {
}
