package com.waymark.mapping.journey;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import com.waymark.mapping.channel.Channel;
import com.waymark.mapping.support.Csv;

/**
 * The CSV export of a map: a header, then one row per touchpoint, stage by stage, in map order. A
 * sub-touchpoint names its parent by position in the stage (unique there) and name, in the last two columns.
 */
final class MapCsv {

    static final String[] HEADER = {"stage", "stage_position", "position", "touchpoint", "channel", "expected_emotion",
            "owning_team", "customer_action", "customer_action_team", "frontstage", "frontstage_team", "backstage",
            "backstage_team", "support", "support_team", "parent_position", "parent_touchpoint"};

    private MapCsv() {
    }

    static String of(JourneyMap map) {
        Map<UUID, String> channels = new HashMap<>();
        for (Channel channel : map.channels()) {
            channels.put(channel.id(), channel.name());
        }
        Csv csv = new Csv().row(Arrays.asList((Object[]) HEADER));
        for (JourneyMap.StageView stage : map.stages()) {
            Map<UUID, Touchpoint> inStage = new HashMap<>();
            stage.touchpoints().forEach(touchpoint -> inStage.put(touchpoint.id(), touchpoint));
            for (Touchpoint touchpoint : stage.touchpoints()) {
                Touchpoint parent = touchpoint.parentTouchpointId() == null ? null : inStage.get(touchpoint.parentTouchpointId());
                csv.row(Arrays.asList(stage.name(), stage.position(), touchpoint.position(), touchpoint.name(),
                        touchpoint.channelId() == null ? null : channels.get(touchpoint.channelId()),
                        touchpoint.expectedEmotion(), touchpoint.owningTeam(),
                        text(touchpoint.customerAction()), team(touchpoint.customerAction()),
                        text(touchpoint.frontstage()), team(touchpoint.frontstage()),
                        text(touchpoint.backstage()), team(touchpoint.backstage()),
                        text(touchpoint.support()), team(touchpoint.support()),
                        parent == null ? null : parent.position(), parent == null ? null : parent.name()));
            }
        }
        return csv.toString();
    }

    /** A file name from the journey's name: lower-case ASCII letters, digits and dashes. */
    static String fileName(String journeyName) {
        String ascii = Normalizer.normalize(journeyName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "journey" : slug) + ".csv";
    }

    private static @Nullable String text(@Nullable Lane lane) {
        return lane == null ? null : lane.text();
    }

    private static @Nullable String team(@Nullable Lane lane) {
        return lane == null ? null : lane.owningTeam();
    }
}
