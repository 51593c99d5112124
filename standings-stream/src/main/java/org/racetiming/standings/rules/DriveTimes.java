package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.output.DriverTime;

/**
 * Who drives a car and for how long: the sum of each driver's time on track, from pit exit (or the start) to pit
 * entry. Time in the pit lane counts for nobody.
 */
final class DriveTimes {

    private final Map<String, Long> accrued = new LinkedHashMap<>();
    private String driver;
    /** Since when the current driver's time runs (while the car is on track). */
    private long sinceMs;
    private boolean onTrack = true;

    DriveTimes copy() {
        DriveTimes copy = new DriveTimes();
        copy.accrued.putAll(accrued);
        copy.driver = driver;
        copy.sinceMs = sinceMs;
        copy.onTrack = onTrack;
        return copy;
    }

    String driver() {
        return driver;
    }

    /**
     * Another driver is in the car from {@code atMs}. A change reported while the car is in the pit lane (the
     * usual case) takes over the next stint; one reported on track splits the running stint there.
     */
    void change(String name, long atMs) {
        if (name == null || name.isBlank() || name.equals(driver)) {
            return;
        }
        if (onTrack && atMs > sinceMs) {
            accrue(atMs);
            sinceMs = atMs;
        }
        driver = name;
    }

    void enteredPit(long atMs) {
        if (onTrack) {
            accrue(atMs);
            onTrack = false;
        }
    }

    void leftPit(long atMs) {
        onTrack = true;
        sinceMs = atMs;
    }

    private void accrue(long untilMs) {
        if (driver != null) {
            accrued.merge(driver, Math.max(0, untilMs - sinceMs), Long::sum);
        }
    }

    /** Drive time per driver in the order they first drove, the running stint counted up to {@code nowMs}. */
    List<DriverTime> times(long nowMs) {
        Map<String, Long> times = new LinkedHashMap<>(accrued);
        if (onTrack && driver != null) {
            times.merge(driver, Math.max(0, nowMs - sinceMs), Long::sum);
        }
        List<DriverTime> out = new ArrayList<>(times.size());
        times.forEach((name, ms) -> out.add(DriverTime.newBuilder().setDriverName(name).setTimeMs(ms).build()));
        return out;
    }
}
