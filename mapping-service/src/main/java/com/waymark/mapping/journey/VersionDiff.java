package com.waymark.mapping.journey;

/** The answer to {@code GET .../versions/{a}/diff/{b}}: what changed from version a to version b. */
record VersionDiff(JourneyVersion from, JourneyVersion to, MapDiff changes) {
}
