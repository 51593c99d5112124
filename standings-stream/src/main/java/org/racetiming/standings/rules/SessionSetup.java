package org.racetiming.standings.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;

/**
 * What SessionStarted said about the session itself: its kind, length, timing lines and the minimum drive time per
 * driver category.
 */
record SessionSetup(String name, SessionType type, Long scheduledDurationMs, List<String> intermediatePoints,
                    Map<String, Long> minimumDriveMsByCategory) {

    SessionSetup {
        intermediatePoints = List.copyOf(intermediatePoints);
        minimumDriveMsByCategory = Map.copyOf(minimumDriveMsByCategory);
    }

    SessionSetup(String name, SessionType type, Long scheduledDurationMs, List<String> intermediatePoints) {
        this(name, type, scheduledDurationMs, intermediatePoints, Map.of());
    }

    static Map<String, Long> minimumDriveTimes(SessionStarted started) {
        Map<String, Long> minimums = new HashMap<>();
        for (MinimumDriveTime minimum : started.getMinimumDriveTimes()) {
            minimums.put(minimum.getCategory(), minimum.getMinimumMs());
        }
        return minimums;
    }

    /** Timing lines per lap: the intermediate points plus the finish line. */
    int pointsPerLap() {
        return intermediatePoints.size() + 1;
    }

    boolean isRace() {
        return type == SessionType.RACE;
    }

    /** Progress index of a finish-line crossing that completes {@code lap}. */
    int finishProgress(int lap) {
        return lap * pointsPerLap();
    }

    /** Progress index of intermediate {@code point} (1-based) on {@code lap}, the lap being driven. */
    int pointProgress(int lap, int point) {
        return (lap - 1) * pointsPerLap() + point;
    }

    /** "lap 12 S1", "lap 12 finish line": how a rejection names a passage. */
    String describe(int progress) {
        int point = progress % pointsPerLap();
        if (point == 0) {
            return "lap " + progress / pointsPerLap() + " finish line";
        }
        return "lap " + (progress / pointsPerLap() + 1) + " " + intermediatePoints.get(point - 1);
    }
}
