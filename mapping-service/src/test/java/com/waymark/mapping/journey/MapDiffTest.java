package com.waymark.mapping.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import com.waymark.mapping.channel.Channel;
import com.waymark.mapping.journey.MapDiff.FieldChange;
import com.waymark.mapping.journey.MapDiff.NoteChange;
import com.waymark.mapping.journey.MapDiff.StageChange;
import com.waymark.mapping.journey.MapDiff.TouchpointChange;

class MapDiffTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final UUID JOURNEY = UUID.randomUUID();
    static final Channel ONLINE = new Channel(UUID.randomUUID(), "Online");
    static final Channel STORE = new Channel(UUID.randomUUID(), "Store");

    final UUID awareness = UUID.randomUUID();
    final UUID purchase = UUID.randomUUID();
    final UUID support = UUID.randomUUID();
    final UUID ad = UUID.randomUUID();
    final UUID checkout = UUID.randomUUID();
    final UUID receipt = UUID.randomUUID();

    @Test
    void identicalMapsHaveNoChanges() {
        JourneyMap map = map("Buy", List.of(stage(awareness, "Awareness", 0, touchpoint(ad, awareness, "Ad", 0, ONLINE, 1))));

        MapDiff diff = MapDiff.between(map, map);

        assertThat(diff.journey()).isEmpty();
        assertThat(diff.stages()).isEmpty();
        assertThat(diff.notes()).isEmpty();
        assertThat(diff.summary()).isEmpty();
    }

    @Test
    void journeyFieldChangesShowFromAndTo() {
        MapDiff diff = MapDiff.between(map("Buy", List.of()), withState(map("Buy online", List.of()), "future"));

        assertThat(diff.journey()).containsExactly(new FieldChange("name", "Buy", "Buy online"),
                new FieldChange("state", "current", "future"));
        assertThat(diff.summary()).containsExactly("Journey name: \"Buy\" → \"Buy online\"",
                "Journey state: \"current\" → \"future\"");
    }

    @Test
    void stagesAddedRemovedRenamedAndMovedAreToldApart() {
        JourneyMap before = map("Buy", List.of(stage(awareness, "Awareness", 0), stage(purchase, "Purchase", 1),
                stage(support, "Support", 2)));
        UUID consideration = UUID.randomUUID();
        // a new stage at the front, Support dropped, Purchase renamed and moved before Awareness
        JourneyMap after = map("Buy", List.of(stage(consideration, "Consideration", 0), stage(purchase, "Buy", 1),
                stage(awareness, "Awareness", 2)));

        MapDiff diff = MapDiff.between(before, after);

        assertThat(diff.stages()).extracting(StageChange::name, StageChange::change).containsExactly(
                tuple("Consideration", "added"), tuple("Buy", "changed"), tuple("Awareness", "changed"),
                tuple("Support", "removed"));
        assertThat(diff.stages().get(1).fields()).containsExactly(new FieldChange("name", "Purchase", "Buy"),
                new FieldChange("position", "1", "1"));
        assertThat(diff.stages().get(2).fields()).containsExactly(new FieldChange("position", "0", "2"));
        assertThat(diff.summary()).contains("Stage \"Consideration\" added at position 0", "Stage \"Purchase\" name: \"Purchase\" → \"Buy\"",
                "Stage \"Support\" removed");
    }

    @Test
    void aStageInsertedInFrontDoesNotMakeTheOthersMoved() {
        JourneyMap before = map("Buy", List.of(stage(awareness, "Awareness", 0), stage(purchase, "Purchase", 1)));
        JourneyMap after = map("Buy", List.of(stage(support, "Research", 0), stage(awareness, "Awareness", 1),
                stage(purchase, "Purchase", 2)));

        MapDiff diff = MapDiff.between(before, after);

        assertThat(diff.stages()).extracting(StageChange::stageId).containsExactly(support);
    }

    @Test
    void touchpointChangesAreListedPerFieldUnderTheirStage() {
        Touchpoint before = touchpoint(checkout, purchase, "Checkout", 0, ONLINE, 1);
        Touchpoint after = new Touchpoint(checkout, JOURNEY, purchase, null, "Checkout page", STORE.id(), -1, "Web team",
                new Lane("Pays", null), null, new Lane("Payment provider", "Finance"), null, 0);
        JourneyMap older = map("Buy", List.of(stage(purchase, "Purchase", 0, before, touchpoint(receipt, purchase, "Receipt", 1, ONLINE, 0))),
                ONLINE);
        JourneyMap newer = map("Buy", List.of(stage(purchase, "Purchase", 0, after, touchpoint(ad, purchase, "Upsell", 1, STORE, 0))),
                STORE);

        MapDiff diff = MapDiff.between(older, newer);

        StageChange stage = diff.stages().get(0);
        assertThat(stage.change()).isEqualTo("unchanged");
        assertThat(stage.touchpoints()).extracting(TouchpointChange::name, TouchpointChange::change).containsExactly(
                tuple("Checkout page", "changed"), tuple("Upsell", "added"), tuple("Receipt", "removed"));
        assertThat(stage.touchpoints().get(0).fields()).containsExactly(
                new FieldChange("name", "Checkout", "Checkout page"),
                new FieldChange("channel", "Online", "Store"),
                new FieldChange("expectedEmotion", "1", "-1"),
                new FieldChange("owningTeam", null, "Web team"),
                new FieldChange("customerAction.text", null, "Pays"),
                new FieldChange("backstage.text", null, "Payment provider"),
                new FieldChange("backstage.owningTeam", null, "Finance"));
        assertThat(diff.summary()).contains("Touchpoint \"Upsell\" added to stage \"Purchase\"",
                "Touchpoint \"Receipt\" removed from stage \"Purchase\"");
    }

    @Test
    void aTouchpointMovedToAnotherStageShowsUnderItsNewStage() {
        JourneyMap older = map("Buy", List.of(stage(awareness, "Awareness", 0, touchpoint(ad, awareness, "Ad", 0, ONLINE, 0)),
                stage(purchase, "Purchase", 1)), ONLINE);
        JourneyMap newer = map("Buy", List.of(stage(awareness, "Awareness", 0),
                stage(purchase, "Purchase", 1, touchpoint(ad, purchase, "Ad", 0, ONLINE, 0))), ONLINE);

        MapDiff diff = MapDiff.between(older, newer);

        assertThat(diff.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.stageId()).isEqualTo(purchase);
            assertThat(stage.touchpoints()).singleElement().satisfies(touchpoint ->
                    assertThat(touchpoint.fields()).containsExactly(new FieldChange("stage", "Awareness", "Purchase")));
        });
    }

    @Test
    void reorderedTouchpointsAreMoved() {
        JourneyMap older = map("Buy", List.of(stage(purchase, "Purchase", 0, touchpoint(checkout, purchase, "Checkout", 0, ONLINE, 0),
                touchpoint(receipt, purchase, "Receipt", 1, ONLINE, 0))), ONLINE);
        JourneyMap newer = map("Buy", List.of(stage(purchase, "Purchase", 0, touchpoint(receipt, purchase, "Receipt", 0, ONLINE, 0),
                touchpoint(checkout, purchase, "Checkout", 1, ONLINE, 0))), ONLINE);

        MapDiff diff = MapDiff.between(older, newer);

        assertThat(diff.stages().get(0).touchpoints()).extracting(TouchpointChange::name, change -> change.fields().get(0))
                .containsExactly(tuple("Receipt", new FieldChange("position", "1", "0")),
                        tuple("Checkout", new FieldChange("position", "0", "1")));
    }

    @Test
    void notesAreGroupedAtTheirStageAndLooseOnesLast() {
        PainPoint slow = new PainPoint(UUID.randomUUID(), JOURNEY, purchase, null, "Slow checkout", null, 3, NOW);
        PainPoint slower = new PainPoint(slow.id(), JOURNEY, purchase, null, "Slow checkout", null, 5, NOW);
        PainPoint lost = new PainPoint(UUID.randomUUID(), JOURNEY, null, null, "Lost parcel", null, 2, NOW);
        Opportunity oneClick = new Opportunity(UUID.randomUUID(), JOURNEY, slow.id(), "One-click pay", null, 4, 2, "idea", null, NOW);
        Evidence quote = new Evidence(UUID.randomUUID(), JOURNEY, null, null, "quote", "x".repeat(100), null, null, NOW);
        JourneyMap older = new JourneyMapBuilder("Buy").stages(stage(purchase, "Purchase", 0)).painPoints(slow, lost).evidence(quote).build();
        JourneyMap newer = new JourneyMapBuilder("Buy").stages(stage(purchase, "Purchase", 0)).painPoints(slower)
                .opportunities(oneClick).build();

        MapDiff diff = MapDiff.between(older, newer);

        assertThat(diff.stages()).singleElement().satisfies(stage -> assertThat(stage.notes())
                .extracting(NoteChange::kind, NoteChange::title, NoteChange::change, NoteChange::fields)
                .containsExactly(tuple("painPoint", "Slow checkout", "changed", List.of(new FieldChange("severity", "3", "5"))),
                        tuple("opportunity", "One-click pay", "added", List.of())));
        assertThat(diff.notes()).extracting(NoteChange::kind, NoteChange::change)
                .containsExactlyInAnyOrder(tuple("painPoint", "removed"), tuple("evidence", "removed"));
        assertThat(diff.notes()).filteredOn(note -> note.kind().equals("evidence")).singleElement()
                .satisfies(note -> assertThat(note.title()).hasSize(80).endsWith("…"));
        assertThat(diff.summary()).contains("Pain point \"Slow checkout\" (stage \"Purchase\"): severity: \"3\" → \"5\"",
                "Opportunity \"One-click pay\" added (stage \"Purchase\")", "Pain point \"Lost parcel\" removed");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static JourneyMap map(String name, List<JourneyMap.StageView> stages, Channel... channels) {
        return new JourneyMapBuilder(name).stages(stages.toArray(JourneyMap.StageView[]::new)).channels(channels).build();
    }

    private static JourneyMap withState(JourneyMap map, String state) {
        return new JourneyMap(map.id(), map.name(), map.personaId(), state, map.ownerName(), map.reviewEveryDays(),
                map.description(), map.lastReviewedAt(), map.reviewDueAt(), map.reviewDue(), map.version(), map.createdAt(),
                map.updatedAt(), map.stages(), map.painPoints(), map.opportunities(), map.evidence(), map.channels());
    }

    private static JourneyMap.StageView stage(UUID id, String name, int position, Touchpoint... touchpoints) {
        return new JourneyMap.StageView(id, JOURNEY, name, position, List.of(touchpoints));
    }

    private static Touchpoint touchpoint(UUID id, UUID stage, String name, int position, @Nullable Channel channel, int emotion) {
        return new Touchpoint(id, JOURNEY, stage, null, name, channel == null ? null : channel.id(), emotion, null, null, null,
                null, null, position);
    }

    /** Object mother for a map snapshot. */
    static final class JourneyMapBuilder {
        private final String name;
        private List<JourneyMap.StageView> stages = List.of();
        private List<PainPoint> painPoints = List.of();
        private List<Opportunity> opportunities = List.of();
        private List<Evidence> evidence = List.of();
        private List<Channel> channels = new ArrayList<>();

        JourneyMapBuilder(String name) {
            this.name = name;
        }

        JourneyMapBuilder stages(JourneyMap.StageView... stages) {
            this.stages = List.of(stages);
            return this;
        }

        JourneyMapBuilder painPoints(PainPoint... painPoints) {
            this.painPoints = List.of(painPoints);
            return this;
        }

        JourneyMapBuilder opportunities(Opportunity... opportunities) {
            this.opportunities = List.of(opportunities);
            return this;
        }

        JourneyMapBuilder evidence(Evidence... evidence) {
            this.evidence = List.of(evidence);
            return this;
        }

        JourneyMapBuilder channels(Channel... channels) {
            this.channels = List.of(channels);
            return this;
        }

        JourneyMap build() {
            return new JourneyMap(JOURNEY, name, null, "current", null, 90, null, NOW, NOW, false, 1, NOW, NOW, stages,
                    painPoints, opportunities, evidence, channels);
        }
    }
}
