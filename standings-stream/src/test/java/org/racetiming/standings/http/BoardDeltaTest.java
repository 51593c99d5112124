package org.racetiming.standings.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a screen is sent between two boards, and that applying it gives the second board. */
class BoardDeltaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode board(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json.replace('\'', '"'));
    }

    private final ObjectNode before = board("{'sessionTimeMs':1000,'trackStatus':'GREEN','cars':["
            + "{'car':'51','laps':3,'gapFirst':null,'lastSectors':[{'ms':1}]},"
            + "{'car':'8','laps':3,'gapFirst':{'ms':500,'text':'0.500'},'lastSectors':[]}]}");

    BoardDeltaTest() throws Exception {
    }

    @Test
    void shouldSendOnlyTheChangedFieldsOfTheCarsThatChanged() throws Exception {
        ObjectNode after = before.deepCopy();
        after.put("sessionTimeMs", 2000);
        ((ObjectNode) after.get("cars").get(1)).put("laps", 4).set("gapFirst", board("{'ms':700,'text':'0.700'}"));

        ObjectNode delta = BoardDelta.between(before, after);

        assertThat(delta).isEqualTo(board("{'set':{'sessionTimeMs':2000},'cars':{'8':{'laps':4,'gapFirst':{'ms':700,'text':'0.700'}}}}"));
        assertThat(replay(before, delta)).isEqualTo(after);
    }

    @Test
    void shouldSendTheNewOrderWhenCarsSwapPlaces() {
        ObjectNode after = before.deepCopy();
        JsonNode first = after.get("cars").get(0);
        after.withArray("cars").set(0, after.get("cars").get(1));
        after.withArray("cars").set(1, first);

        ObjectNode delta = BoardDelta.between(before, after);

        assertThat(delta.get("order")).extracting(JsonNode::asText).containsExactly("8", "51");
        assertThat(delta.has("cars")).isFalse();
        assertThat(replay(before, delta)).isEqualTo(after);
    }

    @Test
    void shouldSendANewCarWholeAndNameARemovedOne() throws Exception {
        ObjectNode after = before.deepCopy();
        after.withArray("cars").remove(1);
        after.withArray("cars").add(board("{'car':'31','laps':0,'gapFirst':null,'lastSectors':[]}"));

        ObjectNode delta = BoardDelta.between(before, after);

        assertThat(delta.get("cars").get("31")).isEqualTo(after.get("cars").get(1));
        assertThat(delta.get("removed")).extracting(JsonNode::asText).containsExactly("8");
        assertThat(replay(before, delta)).isEqualTo(after);
    }

    @Test
    void shouldBeEmptyWhenNothingChanged() {
        assertThat(BoardDelta.between(before, before.deepCopy()).isEmpty()).isTrue();
    }

    /** A screen's board after the delta, applied as the page applies it. */
    private static JsonNode replay(ObjectNode board, ObjectNode delta) {
        ObjectNode snapshot = MAPPER.createObjectNode().put("seq", 1);
        snapshot.set("standings", board.deepCopy());
        ObjectNode numbered = MAPPER.createObjectNode().put("seq", 2);
        numbered.setAll(delta);
        return ScreenReplica.board(List.of(new SseProbe.Event("snapshot", snapshot.toString(), 0),
                new SseProbe.Event("delta", numbered.toString(), 0))).orElseThrow();
    }
}
