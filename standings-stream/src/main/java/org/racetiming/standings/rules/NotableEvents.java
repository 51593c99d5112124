package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.racetiming.event.PitOut;
import org.racetiming.output.CarState;
import org.racetiming.output.RaceControlMessage;
import org.racetiming.time.RaceTime;

/**
 * Finds the notable events of a race while {@link RaceHistory} replays it: told each finish-line crossing with the
 * board of that moment, each pit entry and exit, and the race-control messages. Only what the standings say is
 * used, so the feed agrees with the boards. Lead changes are taken at the line (the car that crosses it first
 * overall or in its class), which a duel at the sector lines does not flip back and forth.
 */
final class NotableEvents {

    static final String LEAD_CHANGE = "LEAD_CHANGE";
    static final String CLASS_LEAD_CHANGE = "CLASS_LEAD_CHANGE";
    static final String PIT_STOP = "PIT_STOP";
    static final String FASTEST_LAP = "FASTEST_LAP";
    static final String CLASS_FASTEST_LAP = "CLASS_FASTEST_LAP";
    static final String BATTLE = "BATTLE";
    static final String CAR_STOPPED = "CAR_STOPPED";
    static final String CLASS_FINISH = "CLASS_FINISH";
    static final String DRIVE_TIME_SHORT = DriveTimeWatch.DRIVE_TIME_SHORT;
    // Race control's own kinds come from RaceControlLog: TRACK_STATUS, CHEQUERED, RETIREMENT, PENALTY, SESSION_END.

    /** A battle: the interval to the car ahead in class under this at the line ... */
    static final long BATTLE_INTERVAL_MS = 1_000;
    /** ... for this many laps in a row. */
    static final int BATTLE_LAPS = 3;

    private final List<Notable> found = new ArrayList<>();
    private String lineLeader;
    private final Map<String, String> classLineLeader = new HashMap<>();
    private Long fastestLapMs;
    private final Map<String, Long> classFastestLapMs = new HashMap<>();
    private final Map<String, String> driverAtPitIn = new HashMap<>();
    private final Set<String> stopped = new HashSet<>();
    private final Set<String> classesFinished = new HashSet<>();
    /** Per car: the car ahead in class it is within a second of, and for how many laps. */
    private final Map<String, Battle> battles = new HashMap<>();
    private int raceControlSeen;
    private final DriveTimeWatch driveTimes = new DriveTimeWatch();

    private static final class Battle {
        final String ahead;
        int laps;

        Battle(String ahead) {
            this.ahead = ahead;
        }
    }

    List<Notable> found() {
        return List.copyOf(found);
    }

    List<Notable> foundAfter(int seen) {
        return seen >= found.size() ? List.of() : List.copyOf(found.subList(seen, found.size()));
    }

    void lineCrossed(RaceSession session, Board board, Board.Line line, LapRow row) {
        CarRecord car = line.car();
        if (session.chequered()) {
            classFinish(line, row);
            driveTimes.flag(session, line, row.crossedAtMs(), this::add);
            return;
        }
        if (!leadChange(line, row)) {
            classLeadChange(line, row);
        }
        fastestLap(car, row);
        battle(line, row);
        stoppedCars(board, session.sessionTimeMs());
        driveTimes.raceGoesOn(session, board, row.crossedAtMs(), this::add);
    }

    private boolean leadChange(Board.Line line, LapRow row) {
        if (line.position() != 1) {
            return false;
        }
        String previous = lineLeader;
        lineLeader = row.car();
        if (previous == null || previous.equals(row.car())) {
            return false;
        }
        add(row.crossedAtMs(), LEAD_CHANGE, line.car(), name(line.car()) + " takes the lead from #" + previous
                + " on lap " + row.lap());
        classLineLeader.put(row.carClass(), row.car());
        return true;
    }

    private void classLeadChange(Board.Line line, LapRow row) {
        if (line.classPosition() != 1) {
            return;
        }
        String previous = classLineLeader.put(row.carClass(), row.car());
        if (previous != null && !previous.equals(row.car())) {
            add(row.crossedAtMs(), CLASS_LEAD_CHANGE, line.car(), name(line.car()) + " takes the " + row.carClass()
                    + " lead from #" + previous + " on lap " + row.lap());
        }
    }

    /** A first lap time only sets the mark; beating a mark is news. */
    private void fastestLap(CarRecord car, LapRow row) {
        Long time = row.lapTimeMs();
        if (time == null || time <= 0) {
            return;
        }
        Long classBest = classFastestLapMs.get(row.carClass());
        String driver = row.driver() == null ? "" : " (" + row.driver() + ")";
        if (fastestLapMs != null && time < fastestLapMs) {
            add(row.crossedAtMs(), FASTEST_LAP, car, "Fastest lap of the race: " + name(car) + driver + " "
                    + RaceTime.formatShort(time) + " on lap " + row.lap());
        } else if (classBest != null && time < classBest) {
            add(row.crossedAtMs(), CLASS_FASTEST_LAP, car, "Fastest " + row.carClass() + " lap: " + name(car) + driver
                    + " " + RaceTime.formatShort(time) + " on lap " + row.lap());
        }
        fastestLapMs = fastestLapMs == null ? time : Math.min(fastestLapMs, time);
        classFastestLapMs.merge(row.carClass(), time, Math::min);
    }

    private void battle(Board.Line line, LapRow row) {
        GapValue interval = line.classInterval();
        String ahead = line.classCarAhead();
        if (ahead == null || interval == null || interval.laps() != 0 || interval.timeMs() >= BATTLE_INTERVAL_MS) {
            battles.remove(row.car());
            return;
        }
        Battle battle = battles.get(row.car());
        if (battle == null || !battle.ahead.equals(ahead)) {
            battle = new Battle(ahead);
            battles.put(row.car(), battle);
        }
        if (++battle.laps == BATTLE_LAPS) {
            add(row.crossedAtMs(), BATTLE, line.car(), "Battle for P" + (line.classPosition() - 1) + " in "
                    + row.carClass() + ": " + name(line.car()) + " within a second of #" + ahead + " for "
                    + BATTLE_LAPS + " laps (" + RaceTime.formatShort(interval.timeMs()) + ")");
        }
    }

    /** The standings' own STOPPED state; said once per stop, again if the car runs and stops again. */
    private void stoppedCars(Board board, long nowMs) {
        for (Board.Line other : board.lines()) {
            CarRecord car = other.car();
            if (other.placing().state() != CarState.STOPPED) {
                stopped.remove(car.number());
            } else if (stopped.add(car.number())) {
                Long since = StoppedCars.stoppedSince(car, nowMs);
                add(nowMs, CAR_STOPPED, car, name(car) + " has stopped: no timing line since "
                        + RaceTime.formatHms(since == null ? car.lastPassedMs() : since) + " (P" + other.position()
                        + ", " + other.placing().laps() + " laps)");
            }
        }
    }

    /**
     * The class leader takes its flag. Not simply the class's first car to cross after the flag: that may be a car
     * laps down, just behind the overall winner, while the class leader is still on its last lap.
     */
    private void classFinish(Board.Line line, LapRow row) {
        if (line.placing().state() == CarState.FINISHED && line.classPosition() == 1
                && classesFinished.add(row.carClass())) {
            add(row.crossedAtMs(), CLASS_FINISH, line.car(), name(line.car()) + " takes the chequered flag leading "
                    + row.carClass() + " after " + line.placing().laps() + " laps");
        }
    }

    void pitIn(CarRecord car) {
        driverAtPitIn.put(car.number(), car.pit().driver());
    }

    void pitOut(CarRecord car, PitOut pitOut, long at) {
        String before = driverAtPitIn.remove(car.number());
        String after = car.pit().driver();
        StringBuilder text = new StringBuilder(name(car)).append(" pit stop");
        if (pitOut.getPitLaneTimeMs() != null) {
            text.append(": ").append(RaceTime.formatShort(pitOut.getPitLaneTimeMs())).append(" in the pit lane");
        }
        if (before != null && after != null && !before.equals(after)) {
            text.append(", ").append(before).append(" hands over to ").append(after);
        } else if (after != null) {
            text.append(", ").append(after).append(" stays in");
        }
        text.append(" (out-lap ").append(pitOut.getLap()).append(')');
        add(at, PIT_STOP, car, text.toString());
    }

    /** The race-control messages not seen yet (the session's log only grows), with the log's own sentences. */
    void raceControl(List<RaceControlMessage> messages) {
        for (int i = raceControlSeen; i < messages.size(); i++) {
            RaceControlMessage message = messages.get(i);
            found.add(new Notable(message.getAtMs(), message.getKind(), message.getCar(), null, message.getText()));
        }
        raceControlSeen = messages.size();
    }

    private void add(long atMs, String kind, CarRecord car, String text) {
        found.add(new Notable(atMs, kind, car.number(), car.carClass(), text));
    }

    static String name(CarRecord car) {
        return "#" + car.number() + (car.team() == null ? "" : " (" + car.team() + ")");
    }
}
