package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.output.CarState;
import org.racetiming.output.DriverTime;

/**
 * One car's pit stops, current stint and drivers.
 *
 * <p>A stint runs from the start (or a pit exit) to the next pit entry; its time goes to the driver in the car
 * when it ends, because the driver change of a stop may be reported a little after the exit.
 */
final class PitAndStint {

    private CarState state = CarState.RUNNING;
    private boolean inPit;
    private int pitStops;
    private int lastPitInLap;
    private int lastPitOutLap;
    private int outLap;
    private Long lastPitLaneMs;
    private long pitInAtMs;
    private int lapsAtPitIn;
    private long stintStartMs;
    private int stintStartLaps;
    private String driver;
    private final Map<String, Long> driveTimes = new LinkedHashMap<>();

    int lastPitInLap() {
        return lastPitInLap;
    }

    int lastPitOutLap() {
        return lastPitOutLap;
    }

    /** A PitIn event: the only thing that counts a stop. */
    void pitIn(int lap, long timeMs) {
        pitStops++;
        lastPitInLap = lap;
        enterPit(lap, timeMs);
    }

    /** The car is in the pit lane (a PitIn, or a lap that ended there); closes the stint once. */
    void enterPit(int lap, long timeMs) {
        if (!inPit) {
            accrue(timeMs);
            inPit = true;
            pitInAtMs = timeMs;
        }
        lapsAtPitIn = Math.max(lapsAtPitIn, lap);
        state = CarState.IN_PIT;
    }

    void pitOut(int lap, long timeMs, Long pitLaneMs) {
        lastPitOutLap = lap;
        if (pitLaneMs != null) {
            lastPitLaneMs = pitLaneMs;
        }
        leavePit(lap, timeMs);
    }

    private void leavePit(int lap, long timeMs) {
        inPit = false;
        state = CarState.OUT_LAP;
        outLap = lap;
        stintStartMs = timeMs;
        stintStartLaps = lap - 1;
    }

    /** A passage on {@code lap} (for a finish-line crossing, the lap it completes). */
    void passed(int lap, boolean finishLine, boolean crossedInPit, long timeMs) {
        if (inPit && !crossedInPit && lap > lapsAtPitIn) {
            // The feed missed (or has not yet sent) the pit exit: the car is on track again, so a new stint
            // began. The PitOut event, if it comes, still applies and brings the pit-lane time.
            leavePit(lap, timeMs);
        }
        if (finishLine) {
            if (crossedInPit) {
                enterPit(lap, timeMs);
            } else if (state == CarState.OUT_LAP && lap >= outLap) {
                state = CarState.RUNNING;
            }
        }
    }

    void driver(String name) {
        if (name != null && !name.isBlank()) {
            driver = name;
        }
    }

    private void accrue(long untilMs) {
        if (driver != null) {
            driveTimes.merge(driver, Math.max(0, untilMs - stintStartMs), Long::sum);
        }
    }

    CarState state() {
        return state;
    }

    boolean inPit() {
        return inPit;
    }

    int pitStops() {
        return pitStops;
    }

    Long lastPitLaneMs() {
        return lastPitLaneMs;
    }

    String driver() {
        return driver;
    }

    int stintLaps(int lapsCompleted) {
        return Math.max(0, (inPit ? lapsAtPitIn : lapsCompleted) - stintStartLaps);
    }

    long stintTimeMs(long lastPassageMs) {
        return Math.max(0, (inPit ? pitInAtMs : lastPassageMs) - stintStartMs);
    }

    /** Drive time per driver, the running stint counted up to the car's latest passage. */
    List<DriverTime> driveTimes(long lastPassageMs) {
        Map<String, Long> times = new LinkedHashMap<>(driveTimes);
        if (!inPit && driver != null) {
            times.merge(driver, Math.max(0, lastPassageMs - stintStartMs), Long::sum);
        }
        List<DriverTime> out = new ArrayList<>(times.size());
        times.forEach((name, ms) -> out.add(DriverTime.newBuilder().setDriverName(name).setTimeMs(ms).build()));
        return out;
    }
}
