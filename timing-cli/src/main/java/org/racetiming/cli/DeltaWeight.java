package org.racetiming.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.http.BoardDelta;
import org.racetiming.standings.http.StandingsJson;
import org.racetiming.standings.rules.RaceSession;

/**
 * What one board update weighs for one viewer: the whole board (a snapshot, what every update used to be) against
 * the delta the live stream now sends, over a run of consecutive events of a race through the rules. Sizes are
 * the JSON data of the server-sent event, UTF-8 (the SSE framing adds some 20 bytes to either).
 */
final class DeltaWeight {

    record Result(int cars, int updates, long snapshotMean, long deltaMean, long deltaP50, long deltaP99, long deltaMax) {
        String describe() {
            return String.format(Locale.ROOT, "%d cars, %d updates: snapshot mean %,d B; delta mean %,d B, p50 %,d B, "
                    + "p99 %,d B, max %,d B (%.1f%% of a snapshot)", cars, updates, snapshotMean, deltaMean, deltaP50,
                    deltaP99, deltaMax, 100.0 * deltaMean / snapshotMean);
        }
    }

    private DeltaWeight() {
    }

    /** Applies every event; measures the boards of {@code window} consecutive events starting at {@code from}. */
    static Result measure(String sessionId, List<TimingEvent> events, int from, int window) {
        StandingsJson json = new StandingsJson();
        RaceSession race = new RaceSession(sessionId);
        ObjectNode previous = null;
        long snapshotBytes = 0;
        long[] deltas = new long[window];
        int updates = 0;
        int cars = 0;
        int end = Math.min(events.size(), from + window);
        for (int i = 0; i < end; i++) {
            race.apply(events.get(i));
            if (i < from - 1) {
                continue;
            }
            ObjectNode board = json.standings(race.overall());
            if (previous != null) {
                ObjectNode delta = BoardDelta.between(previous, board);
                if (!delta.isEmpty()) {
                    delta.put("seq", 0L).put("eventInMs", System.currentTimeMillis());
                    deltas[updates++] = bytes(json, delta);
                    snapshotBytes += bytes(json, board);
                    cars = board.get("cars").size();
                }
            }
            previous = board;
        }
        if (updates == 0) {
            throw new IllegalArgumentException("no board changed in events " + from + " to " + end);
        }
        long[] sorted = Arrays.copyOf(deltas, updates);
        Arrays.sort(sorted);
        return new Result(cars, updates, snapshotBytes / updates, Arrays.stream(sorted).sum() / updates,
                sorted[(int) Math.ceil(0.50 * updates) - 1], sorted[(int) Math.ceil(0.99 * updates) - 1],
                sorted[updates - 1]);
    }

    private static long bytes(StandingsJson json, ObjectNode node) {
        return json.write(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
