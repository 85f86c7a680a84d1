package com.waymark.metrics;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;
import com.waymark.platform.events.EventTypes;
import com.waymark.platform.events.JourneyChanged;
import com.waymark.platform.events.JourneyDeleted;
import com.waymark.platform.events.ResponseDeleted;
import com.waymark.platform.events.StageDeleted;
import com.waymark.platform.events.TouchpointDeleted;
import com.waymark.platform.events.WorkspaceCreated;
import com.waymark.platform.events.WorkspaceUpdated;
import com.waymark.platform.events.ResponseSubmitted;
import com.waymark.platform.events.ResponseSubmitted.Answer;
import com.waymark.platform.events.StageChanged;
import com.waymark.platform.events.TouchpointChanged;
import com.waymark.platform.messaging.EventEnvelope;
import com.waymark.platform.messaging.Uuids;
import com.waymark.platform.test.Tenancy;

/**
 * Object mother for the events other services publish: real envelopes with the platform's contract
 * records, serialized by the application's {@link JsonMapper} and sent to {@code cx.events} as the
 * outbox relay would.
 */
public final class CxEvents {

    private final RabbitTemplate rabbit;
    private final JsonMapper json;

    public CxEvents(RabbitTemplate rabbit, JsonMapper json) {
        this.rabbit = rabbit;
        this.json = json;
    }

    public EventEnvelope envelope(Tenancy.Workspace workspace, String type, Object data) {
        return new EventEnvelope(Uuids.timeOrdered(), type, 1, Instant.now(), workspace.tenantId(),
                workspace.workspaceId(), json.valueToTree(data));
    }

    public EventEnvelope publish(EventEnvelope event) {
        rabbit.send("cx.events", event.type(), MessageBuilder.withBody(json.writeValueAsBytes(event))
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setMessageId(event.id().toString())
                .setType(event.type())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build());
        return event;
    }

    public EventEnvelope journey(Tenancy.Workspace workspace, UUID journeyId, String name) {
        return publish(envelope(workspace, EventTypes.JOURNEY_CHANGED, new JourneyChanged(journeyId, name, "current")));
    }

    public EventEnvelope stage(Tenancy.Workspace workspace, UUID stageId, UUID journeyId, String name, int position) {
        return publish(envelope(workspace, EventTypes.STAGE_CHANGED, new StageChanged(stageId, journeyId, name, position)));
    }

    public EventEnvelope touchpoint(Tenancy.Workspace workspace, UUID touchpointId, UUID stageId, UUID journeyId,
            String name) {
        return publish(envelope(workspace, EventTypes.TOUCHPOINT_CHANGED,
                new TouchpointChanged(touchpointId, journeyId, stageId, name, null, 0)));
    }

    public EventEnvelope response(Tenancy.Workspace workspace, @Nullable UUID touchpointId, Instant submittedAt,
            @Nullable String segment, Answer... answers) {
        return publish(envelope(workspace, EventTypes.RESPONSE_SUBMITTED, submitted(touchpointId, submittedAt, segment,
                answers)));
    }

    public EventEnvelope submit(Tenancy.Workspace workspace, ResponseSubmitted response) {
        return publish(envelope(workspace, EventTypes.RESPONSE_SUBMITTED, response));
    }

    public EventEnvelope responseDeleted(Tenancy.Workspace workspace, UUID responseId) {
        return publish(envelope(workspace, EventTypes.RESPONSE_DELETED, new ResponseDeleted(responseId, UUID.randomUUID())));
    }

    public EventEnvelope journeyDeleted(Tenancy.Workspace workspace, UUID journeyId) {
        return publish(envelope(workspace, EventTypes.JOURNEY_DELETED, new JourneyDeleted(journeyId)));
    }

    public EventEnvelope stageDeleted(Tenancy.Workspace workspace, UUID stageId, UUID journeyId) {
        return publish(envelope(workspace, EventTypes.STAGE_DELETED, new StageDeleted(stageId, journeyId)));
    }

    public EventEnvelope touchpointDeleted(Tenancy.Workspace workspace, UUID touchpointId, UUID stageId, UUID journeyId) {
        return publish(envelope(workspace, EventTypes.TOUCHPOINT_DELETED,
                new TouchpointDeleted(touchpointId, journeyId, stageId)));
    }

    /** A workspace event as tenant-service publishes it (the envelope carries the tenant and workspace). */
    public EventEnvelope workspaceCreated(Tenancy.Workspace workspace, String name) {
        return publish(envelope(workspace, EventTypes.WORKSPACE_CREATED,
                new WorkspaceCreated(workspace.workspaceId(), workspace.tenantId(), name, slug(name), null)));
    }

    public EventEnvelope workspaceCreated(Tenancy.Workspace workspace, String name, @Nullable String industry) {
        return publish(envelope(workspace, EventTypes.WORKSPACE_CREATED,
                new WorkspaceCreated(workspace.workspaceId(), workspace.tenantId(), name, slug(name), industry)));
    }

    public EventEnvelope workspaceUpdated(Tenancy.Workspace workspace, String name, @Nullable String industry) {
        return publish(envelope(workspace, EventTypes.WORKSPACE_UPDATED,
                new WorkspaceUpdated(workspace.workspaceId(), workspace.tenantId(), name, slug(name), industry)));
    }

    public EventEnvelope workspaceUpdated(Tenancy.Workspace workspace, String name) {
        return publish(envelope(workspace, EventTypes.WORKSPACE_UPDATED,
                new WorkspaceUpdated(workspace.workspaceId(), workspace.tenantId(), name, slug(name), null)));
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** The id of the response a {@code feedback.response.submitted} envelope carries. */
    public static UUID responseId(EventEnvelope submitted) {
        return UUID.fromString(submitted.data().get("responseId").asString());
    }

    /** One response per NPS score, all now and without a segment. */
    public void npsResponses(Tenancy.Workspace workspace, @Nullable UUID touchpointId, int... scores) {
        for (int score : scores) {
            response(workspace, touchpointId, Instant.now(), null, nps(score));
        }
    }

    public static ResponseSubmitted submitted(@Nullable UUID touchpointId, Instant submittedAt, @Nullable String segment,
            Answer... answers) {
        return new ResponseSubmitted(UUID.randomUUID(), UUID.randomUUID(), touchpointId, submittedAt, "en", segment,
                "Online", Arrays.asList(answers));
    }

    public static Answer nps(int score) {
        return new Answer("nps", "nps", score);
    }

    public static Answer csat(int score) {
        return new Answer("csat", "csat", score);
    }

    public static Answer ces(int score) {
        return new Answer("ces", "ces", score);
    }

    public static Answer skipped(String kind) {
        return new Answer(kind + "-skipped", kind, null);
    }

    public static Answer text() {
        return new Answer("comment", "text", null);
    }

    public static List<Answer> answers(Answer... answers) {
        return List.of(answers);
    }
}
