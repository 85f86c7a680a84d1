package com.waymark.mapping.journey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import com.waymark.platform.messaging.Uuids;

/** The notes on a map: pain points, opportunities and evidence rows. */
@Repository
class Notes {

    private static final String PAIN_POINT = "id, journey_id, stage_id, touchpoint_id, title, description, severity, created_at";
    private static final String OPPORTUNITY = "id, journey_id, pain_point_id, title, description, impact, effort, status, owner, created_at";
    private static final String EVIDENCE = "id, journey_id, stage_id, touchpoint_id, kind, text, source, link, created_at";

    private final JdbcClient jdbc;

    Notes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PainPoint> painPoints(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select " + PAIN_POINT + " from pain_point where workspace_id = ? and journey_id = ? order by id")
                .params(workspaceId, journeyId).query(PainPoint.class).list();
    }

    Optional<PainPoint> findPainPoint(UUID workspaceId, UUID journeyId, UUID id) {
        return jdbc.sql("select " + PAIN_POINT + " from pain_point where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, id).query(PainPoint.class).optional();
    }

    PainPoint insertPainPoint(UUID tenantId, UUID workspaceId, UUID journeyId, PainPointFields fields) {
        return jdbc.sql("""
                insert into pain_point (tenant_id, workspace_id, id, journey_id, stage_id, touchpoint_id, title, description, severity)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning\s""" + PAIN_POINT)
                .params(tenantId, workspaceId, Uuids.timeOrdered(), journeyId, fields.stageId(), fields.touchpointId(),
                        fields.title(), fields.description(), fields.severity())
                .query(PainPoint.class).single();
    }

    PainPoint updatePainPoint(UUID workspaceId, UUID id, PainPointFields fields) {
        return jdbc.sql("""
                update pain_point set stage_id = ?, touchpoint_id = ?, title = ?, description = ?, severity = ?
                where workspace_id = ? and id = ?
                returning\s""" + PAIN_POINT)
                .params(fields.stageId(), fields.touchpointId(), fields.title(), fields.description(), fields.severity(),
                        workspaceId, id)
                .query(PainPoint.class).single();
    }

    List<Opportunity> opportunities(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select " + OPPORTUNITY + " from opportunity where workspace_id = ? and journey_id = ? order by id")
                .params(workspaceId, journeyId).query(Opportunity.class).list();
    }

    Optional<Opportunity> findOpportunity(UUID workspaceId, UUID journeyId, UUID id) {
        return jdbc.sql("select " + OPPORTUNITY + " from opportunity where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, id).query(Opportunity.class).optional();
    }

    Opportunity insertOpportunity(UUID tenantId, UUID workspaceId, UUID journeyId, OpportunityFields fields) {
        return jdbc.sql("""
                insert into opportunity (tenant_id, workspace_id, id, journey_id, pain_point_id, title, description, impact, effort, status, owner)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning\s""" + OPPORTUNITY)
                .params(tenantId, workspaceId, Uuids.timeOrdered(), journeyId, fields.painPointId(), fields.title(),
                        fields.description(), fields.impact(), fields.effort(), fields.status(), fields.owner())
                .query(Opportunity.class).single();
    }

    Opportunity updateOpportunity(UUID workspaceId, UUID id, OpportunityFields fields) {
        return jdbc.sql("""
                update opportunity set pain_point_id = ?, title = ?, description = ?, impact = ?, effort = ?, status = ?, owner = ?
                where workspace_id = ? and id = ?
                returning\s""" + OPPORTUNITY)
                .params(fields.painPointId(), fields.title(), fields.description(), fields.impact(), fields.effort(),
                        fields.status(), fields.owner(), workspaceId, id)
                .query(Opportunity.class).single();
    }

    List<Evidence> evidence(UUID workspaceId, UUID journeyId) {
        return jdbc.sql("select " + EVIDENCE + " from evidence where workspace_id = ? and journey_id = ? order by id")
                .params(workspaceId, journeyId).query(Evidence.class).list();
    }

    Optional<Evidence> findEvidence(UUID workspaceId, UUID journeyId, UUID id) {
        return jdbc.sql("select " + EVIDENCE + " from evidence where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, id).query(Evidence.class).optional();
    }

    Evidence insertEvidence(UUID tenantId, UUID workspaceId, UUID journeyId, EvidenceFields fields) {
        return jdbc.sql("""
                insert into evidence (tenant_id, workspace_id, id, journey_id, stage_id, touchpoint_id, kind, text, source, link)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning\s""" + EVIDENCE)
                .params(tenantId, workspaceId, Uuids.timeOrdered(), journeyId, fields.stageId(), fields.touchpointId(),
                        fields.kind(), fields.text(), fields.source(), fields.link())
                .query(Evidence.class).single();
    }

    Evidence updateEvidence(UUID workspaceId, UUID id, EvidenceFields fields) {
        return jdbc.sql("""
                update evidence set stage_id = ?, touchpoint_id = ?, kind = ?, text = ?, source = ?, link = ?
                where workspace_id = ? and id = ?
                returning\s""" + EVIDENCE)
                .params(fields.stageId(), fields.touchpointId(), fields.kind(), fields.text(), fields.source(), fields.link(),
                        workspaceId, id)
                .query(Evidence.class).single();
    }

    /** Deletes one note of a journey. */
    boolean delete(NoteKind kind, UUID workspaceId, UUID journeyId, UUID id) {
        return jdbc.sql("delete from " + kind.table + " where workspace_id = ? and journey_id = ? and id = ?")
                .params(workspaceId, journeyId, id).update() == 1;
    }

    /** Notes follow their touchpoint when it moves to another stage. */
    void followTouchpoint(UUID workspaceId, UUID touchpointId, UUID stageId) {
        jdbc.sql("update pain_point set stage_id = ? where workspace_id = ? and touchpoint_id = ?")
                .params(stageId, workspaceId, touchpointId).update();
        jdbc.sql("update evidence set stage_id = ? where workspace_id = ? and touchpoint_id = ?")
                .params(stageId, workspaceId, touchpointId).update();
    }

    enum NoteKind {
        PAIN_POINT("pain_point", "Pain point"),
        OPPORTUNITY("opportunity", "Opportunity"),
        EVIDENCE("evidence", "Evidence");

        final String table;
        final String label;

        NoteKind(String table, String label) {
            this.table = table;
            this.label = label;
        }
    }
}
