package com.waymark.mapping.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Create body of a version: what the snapshot is ("Before the redesign", "Workshop 3"). */
record VersionFields(@NotBlank @Size(max = 200) String label) {
}
