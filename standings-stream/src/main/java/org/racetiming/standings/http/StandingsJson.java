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
import org.racetiming.standings.rules.DriveTimeRule;
import org.racetiming.output.CarState;
import org.racetiming.output.DriverTime;
import org.racetiming.output.Gap;
import org.racetiming.output.NotableEvent;
import org.racetiming.output.RaceControlMessage;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.standings.rules.LapRow;
import org.racetiming.standings.rules.Notable;
import org.racetiming.standings.rules.PairGap;
import org.racetiming.standings.rules.RacePredictions;
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
        Long remaining = remainingMs(standings);
        for (CarStanding car : standings.getCars()) {
            classes.add(car.getCarClass());
            cars.add(car(car).put("driveTimeShort", driveTimeShort(car, remaining)));
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

    /**
     * The car is flagged short of the minimum drive time: it took the flag with a driver short, or its drivers can
     * no longer make up what they miss ({@link DriveTimeRule}). A driver below the minimum earlier in the race is
     * only still to drive (each driver's line says {@code short} and the minimum).
     */
    static boolean driveTimeShort(CarStanding car, Long remainingMs) {
        long missing = 0;
        for (DriverTime driver : car.getDriverTimes()) {
            if (driver.getMinimumMs() != null) {
                missing += Math.max(0, driver.getMinimumMs() - driver.getTimeMs());
            }
        }
        if (missing == 0 || car.getState() == CarState.RETIRED) {
            return false;
        }
        if (car.getFinished()) {
            return true;
        }
        return remainingMs != null && DriveTimeRule.cannotMeet(missing, remainingMs, car.getBestLapMs());
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

    /** Laps as {@link org.racetiming.standings.rules.RaceHistory} recorded them, in the order they were completed. */
    public ObjectNode history(String sessionId, long fromMs, long toMs, List<LapRow> laps) {
        ObjectNode node = object();
        node.put("sessionId", sessionId);
        time(node, "from", fromMs, true);
        if (toMs != Long.MAX_VALUE) {
            time(node, "to", toMs, true);
        }
        ArrayNode rows = node.putArray("laps");
        for (LapRow lap : laps) {
            ObjectNode row = rows.addObject();
            row.put("car", lap.car());
            row.put("carClass", lap.carClass());
            row.put("lap", lap.lap());
            time(row, "crossedAt", lap.crossedAtMs(), true);
            time(row, "lapTime", lap.lapTimeMs(), false);
            row.set("sectors", times(lap.sectorsMs()));
            row.put("position", lap.position());
            row.put("classPosition", lap.classPosition());
            row.set("gapFirst", lap.position() == 1 ? mapper.nullNode() : gap(lap.gapLaps(), lap.gapMs()));
            row.set("classGapFirst", lap.classPosition() == 1 ? mapper.nullNode() : gap(lap.classGapLaps(), lap.classGapMs()));
            row.put("inLap", lap.inLap());
            row.put("outLap", lap.outLap());
            time(row, "pitLane", lap.pitLaneMs(), false);
            row.put("driver", lap.driver());
            ArrayNode statuses = row.putArray("trackStatuses");
            lap.trackStatuses().forEach(status -> statuses.add(status.name()));
        }
        return node;
    }

    private JsonNode gap(int laps, Long ms) {
        return laps == 0 && ms == null ? mapper.nullNode()
                : gap(Gap.newBuilder().setLaps(laps).setTimeMs(ms == null ? 0 : ms).build());
    }

    public ObjectNode predictions(String sessionId, RacePredictions.GapTrend trend, List<RacePredictions.CarOutlook> cars) {
        ObjectNode node = object();
        node.put("sessionId", sessionId);
        if (trend != null) {
            ObjectNode pair = node.putObject("gapTrend");
            pair.put("ahead", trend.ahead());
            pair.put("behind", trend.behind());
            pair.put("lap", trend.lap());
            time(pair, "gap", trend.gapMs(), false);
            pair.put("closingMsPerLap", Math.round(trend.closingMsPerLap()));
            if (trend.catchesInLaps() == null) {
                pair.putNull("catchesInLaps");
            } else {
                pair.put("catchesInLaps", trend.catchesInLaps());
            }
            pair.put("pitStopInWindow", trend.pitStopInWindow());
        }
        ArrayNode list = node.putArray("cars");
        for (RacePredictions.CarOutlook car : cars) {
            ObjectNode row = list.addObject();
            row.put("car", car.car());
            row.put("laps", car.laps());
            time(row, "typicalLap", car.typicalLapMs(), false);
            putOrNull(row, "projectedLapsAtFlag", car.projectedLapsAtFlag());
            putOrNull(row, "typicalStintLaps", car.typicalStintLaps());
            putOrNull(row, "nextStopDueLap", car.nextStopDueLap());
        }
        return node;
    }

    private static void putOrNull(ObjectNode node, String name, Integer value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    public ObjectNode notables(String sessionId, List<Notable> notables) {
        ObjectNode node = object();
        node.put("sessionId", sessionId);
        ArrayNode list = node.putArray("events");
        for (Notable notable : notables) {
            list.add(notable(notable));
        }
        return node;
    }

    /**
     * A notable event as the topic carries it: the same fields as {@link #notable(Notable)}, and
     * {@code "withdrawn":true} when a late event made it untrue (a screen removes the item with that id). Absent
     * otherwise, as in the HTTP list, whose events are all true: they are computed from the session as it stands.
     */
    public ObjectNode notable(NotableEvent notable) {
        ObjectNode node = notable(new Notable(notable.getAtMs(), notable.getKind(), notable.getCar(),
                notable.getCarClass(), notable.getText()));
        node.put("id", notable.getId());
        if (notable.getWithdrawn()) {
            node.put("withdrawn", true);
        }
        return node;
    }

    /** A notable event of the session as it stands: never withdrawn, so without the field. */
    public ObjectNode notable(Notable notable) {
        ObjectNode node = object();
        node.put("id", notable.id());
        time(node, "at", notable.atMs(), true);
        node.put("kind", notable.kind());
        node.put("car", notable.car());
        node.put("carClass", notable.carClass());
        node.put("text", notable.text());
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
