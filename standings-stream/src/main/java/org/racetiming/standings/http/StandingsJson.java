package org.racetiming.standings.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.racetiming.output.CarGaps;
import org.racetiming.output.CarStanding;
import org.racetiming.output.DriverTime;
import org.racetiming.output.Gap;
import org.racetiming.output.RaceControlMessage;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.rules.PairGap;
import org.racetiming.time.RaceTime;

/**
 * The output records as plain JSON for screens and scripts: every time twice, as milliseconds ({@code lastLapMs})
 * and as timing people write it ({@code lastLap}: "3:31.804"); gaps as {@code {"laps":1,"text":"1 Lap"}} or
 * {@code {"ms":12600,"text":"12.600"}}. Avro's own JSON would expose unions and enums as schema noise.
 */
public final class StandingsJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a tree cannot fail: " + e.getMessage(), e);
        }
    }

    public JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    public ObjectNode standings(Standings standings) {
        ObjectNode node = object();
        node.put("sessionId", standings.getSessionId());
        node.put("sessionName", standings.getSessionName());
        node.put("carClass", standings.getCarClass());
        sessionTime(node, standings.getSessionTimeMs());
        node.put("trackStatus", standings.getTrackStatus().name());
        node.put("chequered", standings.getChequered());
        node.put("eventsSeen", standings.getEventsSeen());
        node.put("sessionType", standings.getSessionType().name());
        time(node, "scheduledDuration", standings.getScheduledDurationMs(), true);
        time(node, "remaining", remainingMs(standings), true);
        time(node, "chequeredAt", standings.getChequeredAtMs(), true);
        time(node, "clock", clockMs(standings), true);
        node.put("finalClassification", standings.getFinalClassification());
        Set<String> classes = new LinkedHashSet<>();
        ArrayNode cars = node.putArray("cars");
        for (CarStanding car : standings.getCars()) {
            classes.add(car.getCarClass());
            cars.add(car(car));
        }
        ArrayNode classList = mapper.createArrayNode();
        classes.forEach(classList::add);
        node.set("classes", classList);
        return node;
    }

    public ObjectNode car(CarStanding car) {
        ObjectNode node = object();
        node.put("position", car.getPosition());
        node.put("classPosition", car.getClassPosition());
        node.put("car", car.getCar());
        node.put("carClass", car.getCarClass());
        node.put("team", car.getTeam());
        node.put("driver", car.getDriverName());
        node.put("state", car.getState().name());
        node.put("status", car.getStatus());
        node.put("laps", car.getLaps());
        node.put("lastPoint", car.getLastPoint());
        time(node, "lastPassed", car.getLastPassedMs(), true);
        time(node, "totalTime", car.getTotalTimeMs(), true);
        node.set("gapFirst", gap(car.getGapFirst()));
        node.set("interval", gap(car.getInterval()));
        node.set("classGapFirst", gap(car.getClassGapFirst()));
        node.set("classInterval", gap(car.getClassInterval()));
        time(node, "lastLap", car.getLastLapMs(), false);
        time(node, "bestLap", car.getBestLapMs(), false);
        node.put("bestLapNumber", car.getBestLapNumber());
        node.put("lastLapPersonalBest", car.getLastLapPersonalBest());
        node.put("bestLapClassBest", car.getBestLapClassBest());
        node.put("bestLapOverallBest", car.getBestLapOverallBest());
        // The last lap is the class's best when it is this car's best and this car holds the class best.
        boolean lastIsBest = car.getLastLapMs() != null && car.getLastLapMs().equals(car.getBestLapMs());
        node.put("lastLapClassBest", lastIsBest && car.getBestLapClassBest());
        node.put("lastLapOverallBest", lastIsBest && car.getBestLapOverallBest());
        node.set("lastSectors", times(car.getLastSectorsMs()));
        node.set("bestSectors", times(car.getBestSectorsMs()));
        node.put("pitStops", car.getPitStops());
        time(node, "lastPitLane", car.getLastPitLaneMs(), false);
        node.put("stintLaps", car.getStintLaps());
        time(node, "stintTime", car.getStintTimeMs(), true);
        ArrayNode drivers = node.putArray("driverTimes");
        for (DriverTime driver : car.getDriverTimes()) {
            drivers.add(driverTime(driver));
        }
        node.put("penaltyLaps", car.getPenaltyLaps());
        time(node, "penaltyTime", car.getPenaltyTimeMs(), false);
        time(node, "stoppedSince", car.getStoppedSinceMs(), true);
        time(node, "pitInAt", car.getPitInAtMs(), true);
        node.put("finished", car.getFinished());
        return node;
    }

    private ObjectNode driverTime(DriverTime driver) {
        ObjectNode node = object();
        node.put("driver", driver.getDriverName());
        node.put("ms", driver.getTimeMs());
        node.put("text", RaceTime.formatHms(driver.getTimeMs()));
        node.put("category", driver.getCategory());
        time(node, "minimum", driver.getMinimumMs(), true);
        // Short of the minimum drive time of the driver's category (a screen flags it; the stewards decide).
        node.put("short", driver.getMinimumMs() != null && driver.getTimeMs() < driver.getMinimumMs());
        return node;
    }

    /** Scheduled duration minus the session time, never below zero; null when the session has no scheduled duration. */
    static Long remainingMs(Standings standings) {
        Long scheduled = standings.getScheduledDurationMs();
        return scheduled == null ? null : Math.max(0, scheduled - standings.getSessionTimeMs());
    }

    /**
     * What a screen's session clock shows: the session time, which stops at the chequered flag. Later events (a
     * post-race penalty at 24:10:00) move the session time, not the finish.
     */
    static long clockMs(Standings standings) {
        Long flag = standings.getChequeredAtMs();
        return flag != null ? flag : standings.getSessionTimeMs();
    }

    /** A car's line with the cars it is measured against. */
    public ObjectNode carDetail(Standings board, CarStanding line, CarGaps gaps) {
        ObjectNode node = object();
        node.put("sessionId", board.getSessionId());
        sessionTime(node, board.getSessionTimeMs());
        node.put("trackStatus", board.getTrackStatus().name());
        node.put("chequered", board.getChequered());
        node.put("carAhead", gaps == null ? null : gaps.getCarAhead());
        node.put("classCarAhead", gaps == null ? null : gaps.getClassCarAhead());
        node.set("line", car(line));
        return node;
    }

    public ObjectNode trackStatus(TrackStatusState track) {
        ObjectNode node = object();
        node.put("sessionId", track.getSessionId());
        sessionTime(node, track.getSessionTimeMs());
        node.put("status", track.getStatus().name());
        ArrayNode slow = node.putArray("activeSlowZones");
        track.getActiveSlowZones().forEach(slow::add);
        ArrayNode yellow = node.putArray("activeYellowZones");
        track.getActiveYellowZones().forEach(yellow::add);
        time(node, "chequeredAt", track.getChequeredAtMs(), true);
        node.put("sessionEnded", track.getSessionEnded());
        ArrayNode messages = node.putArray("messages");
        for (RaceControlMessage message : track.getMessages()) {
            ObjectNode m = messages.addObject();
            time(m, "at", message.getAtMs(), true);
            m.put("kind", message.getKind());
            m.put("car", message.getCar());
            m.put("text", message.getText());
        }
        return node;
    }

    /** "What is the gap between #51 and #8?": who is ahead, by how much, and where both are. */
    public ObjectNode pairGap(Standings board, PairGap pair, CarGaps from, CarGaps to) {
        ObjectNode node = object();
        node.put("sessionId", board.getSessionId());
        sessionTime(node, board.getSessionTimeMs());
        node.put("chequered", board.getChequered());
        node.put("ahead", pair.ahead());
        node.put("behind", pair.behind());
        node.set("gap", gap(pair.gap()));
        node.set("from", place(from));
        node.set("to", place(to));
        node.put("text", pair.gap() == null
                ? "#" + pair.behind() + " is behind #" + pair.ahead() + " (no gap measured yet)"
                : "#" + pair.behind() + " is " + RaceTime.formatGap(pair.gap().getLaps(), pair.gap().getTimeMs())
                        + " behind #" + pair.ahead());
        return node;
    }

    private ObjectNode place(CarGaps gaps) {
        ObjectNode node = object();
        node.put("car", gaps.getCar());
        node.put("carClass", gaps.getCarClass());
        node.put("position", gaps.getPosition());
        node.put("classPosition", gaps.getClassPosition());
        node.put("laps", gaps.getLaps());
        return node;
    }

    /** {"laps":1,"text":"1 Lap"}, {"ms":12600,"text":"12.600"}, or null when there is no gap. */
    public JsonNode gap(Gap gap) {
        if (gap == null) {
            return mapper.nullNode();
        }
        ObjectNode node = object();
        if (gap.getLaps() != 0) {
            node.put("laps", gap.getLaps());
        } else {
            node.put("ms", gap.getTimeMs());
        }
        node.put("text", RaceTime.formatGap(gap.getLaps(), gap.getTimeMs()));
        return node;
    }

    private ArrayNode times(List<Long> times) {
        ArrayNode array = mapper.createArrayNode();
        for (Long ms : times) {
            if (ms == null) {
                array.addNull();
            } else {
                array.addObject().put("ms", ms).put("text", RaceTime.formatShort(ms));
            }
        }
        return array;
    }

    private static void sessionTime(ObjectNode node, long ms) {
        node.put("sessionTimeMs", ms);
        node.put("sessionTime", RaceTime.formatHms(ms));
    }

    /** {@code nameMs} and {@code name}; a session clock reading in H:MM:SS.mmm, a duration in its shortest form. */
    private static void time(ObjectNode node, String name, Long ms, boolean clock) {
        if (ms == null) {
            node.putNull(name + "Ms");
            node.putNull(name);
            return;
        }
        node.put(name + "Ms", ms);
        node.put(name, clock ? RaceTime.formatHms(ms) : RaceTime.formatShort(ms));
    }
}
