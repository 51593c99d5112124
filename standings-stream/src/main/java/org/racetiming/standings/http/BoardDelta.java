package org.racetiming.standings.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two boards of a session, as JSON a screen applies to the board it holds. A 62-car board is
 * some 77 KB; a crossing changes a few fields of a few cars. The delta has, each only when not empty:
 * <ul>
 *   <li>{@code set}: the board's own fields that changed (clock, track status, ...), with their new values;</li>
 *   <li>{@code cars}: per race number, the fields of that car's line that changed (all of them for a new car);</li>
 *   <li>{@code order}: the race numbers in board order, when the order or the set of cars changed;</li>
 *   <li>{@code removed}: race numbers no longer on the board.</li>
 * </ul>
 * A field's value is replaced whole (a gap object, a sector array), never merged.
 */
public final class BoardDelta {

    static final String SET = "set";
    static final String CARS = "cars";
    static final String ORDER = "order";
    static final String REMOVED = "removed";
    /** The field of a car's line that names it. */
    static final String CAR = "car";

    private BoardDelta() {
    }

    /** @return the changes from {@code before} to {@code after}; an empty object when the boards are equal */
    public static ObjectNode between(ObjectNode before, ObjectNode after) {
        ObjectNode delta = JsonNodeFactory.instance.objectNode();
        ObjectNode set = delta.objectNode();
        after.properties().forEach(field -> {
            if (!field.getKey().equals(CARS) && !field.getValue().equals(before.get(field.getKey()))) {
                set.set(field.getKey(), field.getValue());
            }
        });
        Map<String, ObjectNode> old = byCar(before);
        Map<String, ObjectNode> now = byCar(after);
        ObjectNode cars = delta.objectNode();
        now.forEach((car, line) -> {
            ObjectNode changed = changedFields(old.get(car), line);
            if (!changed.isEmpty()) {
                cars.set(car, changed);
            }
        });
        if (!set.isEmpty()) {
            delta.set(SET, set);
        }
        if (!cars.isEmpty()) {
            delta.set(CARS, cars);
        }
        if (!new ArrayList<>(old.keySet()).equals(new ArrayList<>(now.keySet()))) {
            ArrayNode order = delta.putArray(ORDER);
            now.keySet().forEach(order::add);
        }
        List<String> removed = new ArrayList<>(old.keySet());
        removed.removeAll(now.keySet());
        if (!removed.isEmpty()) {
            ArrayNode list = delta.putArray(REMOVED);
            removed.forEach(list::add);
        }
        return delta;
    }

    private static ObjectNode changedFields(ObjectNode before, ObjectNode after) {
        if (before == null) {
            return after.deepCopy();
        }
        ObjectNode changed = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(before.get(field.getKey()))) {
                changed.set(field.getKey(), field.getValue());
            }
        }
        return changed;
    }

    /** The board's lines by race number, in board order. */
    private static Map<String, ObjectNode> byCar(ObjectNode board) {
        Map<String, ObjectNode> lines = new LinkedHashMap<>();
        for (JsonNode line : board.path(CARS)) {
            lines.put(line.path(CAR).asText(), (ObjectNode) line);
        }
        return lines;
    }
}
