package org.racetiming.standings.rules;

import java.util.List;
import org.racetiming.output.CarState;
import org.racetiming.output.DriverTime;

/** One car's pit stops, where it is (on track, in the pit lane, on its out-lap), its current stint and drivers. */
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
    private final DriveTimes drivers;

    PitAndStint() {
        this(new DriveTimes());
    }

    private PitAndStint(DriveTimes drivers) {
        this.drivers = drivers;
    }

    PitAndStint copy() {
        PitAndStint copy = new PitAndStint(drivers.copy());
        copy.state = state;
        copy.inPit = inPit;
        copy.pitStops = pitStops;
        copy.lastPitInLap = lastPitInLap;
        copy.lastPitOutLap = lastPitOutLap;
        copy.outLap = outLap;
        copy.lastPitLaneMs = lastPitLaneMs;
        copy.pitInAtMs = pitInAtMs;
        copy.lapsAtPitIn = lapsAtPitIn;
        copy.stintStartMs = stintStartMs;
        copy.stintStartLaps = stintStartLaps;
        return copy;
    }

    /** Session time the car entered the pit lane, while it is there; else null. */
    Long pitInAtMs() {
        return inPit ? pitInAtMs : null;
    }

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

    /** The car is in the pit lane (a PitIn, or a lap that ended there); ends the stint once. */
    private void enterPit(int lap, long timeMs) {
        if (!inPit) {
            inPit = true;
            pitInAtMs = timeMs;
            drivers.enteredPit(timeMs);
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
        drivers.leftPit(timeMs);
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

    void driver(String name, long atMs) {
        drivers.change(name, atMs);
    }

    CarState state() {
        return state;
    }

    int pitStops() {
        return pitStops;
    }

    Long lastPitLaneMs() {
        return lastPitLaneMs;
    }

    String driver() {
        return drivers.driver();
    }

    int stintLaps(int lapsCompleted) {
        return Math.max(0, (inPit ? lapsAtPitIn : lapsCompleted) - stintStartLaps);
    }

    long stintTimeMs(long lastPassageMs) {
        return Math.max(0, (inPit ? pitInAtMs : lastPassageMs) - stintStartMs);
    }

    /** Drive time per driver, the running stint counted up to the car's latest passage. */
    List<DriverTime> driveTimes(long lastPassageMs) {
        return drivers.times(lastPassageMs);
    }
}
