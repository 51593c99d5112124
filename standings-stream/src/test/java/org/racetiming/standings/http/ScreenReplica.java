package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The board a live screen holds, rebuilt from the {@code snapshot} and {@code delta} events it received as the page
 * applies them; a delta whose {@code seq} does not follow the board's is an error (the page would re-sync).
 */
final class ScreenReplica {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ObjectNode board;
    private long seq;

    /** The board after every event, or empty when no snapshot came yet. */
    static Optional<JsonNode> board(List<SseProbe.Event> events) {
        ScreenReplica replica = new ScreenReplica();
        events.forEach(replica::apply);
        return Optional.ofNullable(replica.board);
    }

    /** The first event after which the board satisfies {@code test}. */
    static Optional<SseProbe.Event> firstReaching(List<SseProbe.Event> events, Predicate<JsonNode> test) {
        ScreenReplica replica = new ScreenReplica();
        for (SseProbe.Event event : events) {
            replica.apply(event);
            if (replica.board != null && test.test(replica.board)) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    static int leaderLaps(JsonNode board) {
        JsonNode cars = board.get("cars");
        return cars.isEmpty() ? 0 : cars.get(0).get("laps").asInt();
    }

    void apply(SseProbe.Event event) {
        JsonNode body = read(event.data());
        if (event.name().equals(LiveFrame.SNAPSHOT)) {
            board = (ObjectNode) body.get("standings");
            seq = body.get("seq").asLong();
        } else if (event.name().equals(LiveFrame.DELTA)) {
            long next = body.get("seq").asLong();
            if (board == null || next != seq + 1) {
                throw new AssertionError("delta " + next + " does not follow board " + seq);
            }
            seq = next;
            applyDelta(body);
        }
    }

    private void applyDelta(JsonNode delta) {
        delta.path(BoardDelta.SET).properties().forEach(field -> board.set(field.getKey(), field.getValue()));
        Map<String, ObjectNode> lines = new LinkedHashMap<>();
        board.get("cars").forEach(line -> lines.put(line.get("car").asText(), (ObjectNode) line));
        delta.path(BoardDelta.CARS).properties().forEach(car ->
                lines.computeIfAbsent(car.getKey(), k -> MAPPER.createObjectNode()).setAll((ObjectNode) car.getValue()));
        delta.path(BoardDelta.REMOVED).forEach(car -> lines.remove(car.asText()));
        ArrayNode cars = MAPPER.createArrayNode();
        if (delta.has(BoardDelta.ORDER)) {
            delta.get(BoardDelta.ORDER).forEach(car -> cars.add(lines.get(car.asText())));
        } else {
            lines.values().forEach(cars::add);
        }
        board.set("cars", cars);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
