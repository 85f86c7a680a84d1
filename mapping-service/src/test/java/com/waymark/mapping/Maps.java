package com.waymark.mapping;

import java.util.UUID;
import com.waymark.platform.test.Tenancy;

/** Object mother for map content, created through the API as a workspace editor. */
public final class Maps {

    private final Api api;
    private final Tenancy.Workspace workspace;
    private final String editor;

    public Maps(Api api, Tenancy.Workspace workspace, String editor) {
        this.api = api;
        this.workspace = workspace;
        this.editor = editor;
    }

    public UUID ws() {
        return workspace.workspaceId();
    }

    public UUID channel(String name) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/channels", "{\"name\":\"" + name + "\"}", ws()));
    }

    public UUID persona(String name) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/personas", "{\"name\":\"" + name + "\"}", ws()));
    }

    public UUID journey(String name) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/journeys", "{\"name\":\"" + name + "\"}", ws()));
    }

    public UUID stage(UUID journey, String name) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/journeys/{j}/stages", "{\"name\":\"" + name + "\"}",
                ws(), journey));
    }

    public UUID touchpoint(UUID journey, UUID stage, String name, UUID channel) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/journeys/{j}/stages/{s}/touchpoints",
                "{\"name\":\"" + name + "\",\"channelId\":\"" + channel + "\",\"expectedEmotion\":1}", ws(), journey, stage));
    }

    public UUID painPoint(UUID journey, String title) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/journeys/{j}/painPoints",
                "{\"title\":\"" + title + "\",\"severity\":3}", ws(), journey));
    }

    public UUID opportunity(UUID journey, String title) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/journeys/{j}/opportunities",
                "{\"title\":\"" + title + "\",\"impact\":4,\"effort\":2}", ws(), journey));
    }

    public UUID evidence(UUID journey, String text) throws Exception {
        return Api.id(api.create(editor, "/api/workspaces/{ws}/journeys/{j}/evidence",
                "{\"kind\":\"observation\",\"text\":\"" + text + "\"}", ws(), journey));
    }
}
