package com.waymark.mapping;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of the service, aimed at one workspace and one set of ids, with a valid body. In
 * this order, the owner of the ids can call them all successfully (deletes come last, children first).
 * The journey is expected to have a version 1.
 */
public final class Endpoints {

    /** One call; {@code namesIds} is false for list and create endpoints that carry only the workspace id. */
    public record Endpoint(HttpMethod method, String path, @Nullable String body, boolean namesIds, @Nullable String accept) {

        public Endpoint(HttpMethod method, String path, @Nullable String body, boolean namesIds) {
            this(method, path, body, namesIds, null);
        }

        public boolean isRead() {
            return method == HttpMethod.GET;
        }

        @Override
        public String toString() {
            return method + " " + path + (accept == null ? "" : " (Accept: " + accept + ")");
        }
    }

    /** The ids of one workspace's map content. */
    public record Ids(UUID channel, UUID persona, UUID journey, UUID stage, UUID touchpoint, UUID painPoint,
            UUID opportunity, UUID evidence) {
    }

    /** A small map file to import: one stage with a touchpoint in a channel named in the file. */
    static final String IMPORT_FILE = """
            {"name":"Imported","channels":[{"id":"c1","name":"Chat"}],
             "stages":[{"id":"s1","name":"Ask","touchpoints":[{"id":"t1","name":"Chat bot","channelId":"c1"}]}],
             "painPoints":[{"title":"Bot loops","severity":3,"touchpointId":"t1"}]}""";

    private Endpoints() {
    }

    public static List<Endpoint> all(UUID workspace, Ids ids) {
        String ws = "/api/workspaces/" + workspace;
        String channel = ws + "/channels/" + ids.channel();
        String persona = ws + "/personas/" + ids.persona();
        String journey = ws + "/journeys/" + ids.journey();
        String stage = journey + "/stages/" + ids.stage();
        String touchpoint = stage + "/touchpoints/" + ids.touchpoint();
        String painPoint = journey + "/painPoints/" + ids.painPoint();
        String opportunity = journey + "/opportunities/" + ids.opportunity();
        String evidence = journey + "/evidence/" + ids.evidence();
        return List.of(
                new Endpoint(HttpMethod.GET, ws + "/channels", null, false),
                new Endpoint(HttpMethod.GET, channel, null, true),
                new Endpoint(HttpMethod.PATCH, channel, "{\"name\":\"Renamed channel\"}", true),
                new Endpoint(HttpMethod.GET, ws + "/personas", null, false),
                new Endpoint(HttpMethod.GET, persona, null, true),
                new Endpoint(HttpMethod.PATCH, persona, "{\"description\":\"changed\"}", true),
                new Endpoint(HttpMethod.GET, ws + "/journeys", null, false),
                new Endpoint(HttpMethod.GET, ws + "/journeys?reviewDue=false", null, false),
                new Endpoint(HttpMethod.GET, journey, null, true),
                new Endpoint(HttpMethod.GET, journey, null, true, "text/csv"),
                new Endpoint(HttpMethod.GET, journey + "/versions", null, true),
                new Endpoint(HttpMethod.GET, journey + "/versions/1", null, true),
                new Endpoint(HttpMethod.GET, journey + "/versions/1/diff/1", null, true),
                new Endpoint(HttpMethod.PATCH, journey, "{\"ownerName\":\"Mallory\"}", true),
                new Endpoint(HttpMethod.POST, journey + "/reviews", null, true),
                new Endpoint(HttpMethod.PUT, journey + "/stages/order", "{\"stageIds\":[\"" + ids.stage() + "\"]}", true),
                new Endpoint(HttpMethod.PATCH, stage, "{\"name\":\"Renamed stage\"}", true),
                new Endpoint(HttpMethod.PATCH, touchpoint, "{\"name\":\"Renamed touchpoint\"}", true),
                new Endpoint(HttpMethod.PUT, stage + "/touchpoints/order", "{\"touchpointIds\":[\"" + ids.touchpoint() + "\"]}", true),
                new Endpoint(HttpMethod.PATCH, painPoint, "{\"severity\":1}", true),
                new Endpoint(HttpMethod.PATCH, opportunity, "{\"status\":\"done\"}", true),
                new Endpoint(HttpMethod.PATCH, evidence, "{\"text\":\"changed\"}", true),
                new Endpoint(HttpMethod.POST, ws + "/channels", "{\"name\":\"Another channel\"}", false),
                new Endpoint(HttpMethod.POST, ws + "/personas", "{\"name\":\"Another persona\"}", false),
                new Endpoint(HttpMethod.POST, ws + "/journeys", "{\"name\":\"Another journey\"}", false),
                new Endpoint(HttpMethod.POST, ws + "/journeys:import", IMPORT_FILE, false),
                new Endpoint(HttpMethod.POST, journey + "/stages", "{\"name\":\"Another stage\"}", true),
                new Endpoint(HttpMethod.POST, stage + "/touchpoints", "{\"name\":\"Another touchpoint\"}", true),
                new Endpoint(HttpMethod.POST, journey + "/painPoints", "{\"title\":\"Another\",\"severity\":2}", true),
                new Endpoint(HttpMethod.POST, journey + "/opportunities", "{\"title\":\"Another\",\"impact\":2,\"effort\":2}", true),
                new Endpoint(HttpMethod.POST, journey + "/evidence", "{\"kind\":\"data\",\"text\":\"Another\"}", true),
                new Endpoint(HttpMethod.POST, journey + "/versions", "{\"label\":\"Another version\"}", true),
                new Endpoint(HttpMethod.DELETE, evidence, null, true),
                new Endpoint(HttpMethod.DELETE, opportunity, null, true),
                new Endpoint(HttpMethod.DELETE, painPoint, null, true),
                new Endpoint(HttpMethod.DELETE, touchpoint, null, true),
                new Endpoint(HttpMethod.DELETE, stage, null, true),
                new Endpoint(HttpMethod.DELETE, channel, null, true),
                new Endpoint(HttpMethod.DELETE, persona, null, true),
                new Endpoint(HttpMethod.DELETE, journey, null, true));
    }
}
