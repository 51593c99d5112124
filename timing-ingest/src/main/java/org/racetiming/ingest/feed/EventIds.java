package org.racetiming.ingest.feed;

import java.util.Locale;

/**
 * Stable, content-based event ids, unique within a session: the same input always yields the same
 * id, so a re-sent or duplicated record is recognised downstream. Every adapter (CSV, race control,
 * HTTP, simulator) should take its ids from here so that they agree.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String sessionStarted() {
        return "start";
    }

    /** Race control ended the session: there is one end per session, like one start. */
    public static String sessionEnded() {
        return "end";
    }

    public static String lapCompleted(String car, int lap) {
        return "lap/" + car + "/" + lap;
    }

    public static String timingPoint(String car, int lap, int point) {
        return "tp/" + car + "/" + lap + "/" + point;
    }

    public static String pitIn(String car, int lap) {
        return "pit-in/" + car + "/" + lap;
    }

    public static String pitOut(String car, int outLap) {
        return "pit-out/" + car + "/" + outLap;
    }

    public static String driverChanged(String car, int lap) {
        return "driver/" + car + "/" + lap;
    }

    /** A track status change seen by the timing feed (Al Kamel FLAG_AT_FL). */
    public static String trackStatus(long sessionTimeMs, Object status) {
        return "track/" + sessionTimeMs + "/" + status;
    }

    /** A race-control decision: {@code rc/<type>/<at ms>[/<car or zone>]}. */
    public static String raceControl(String type, long atMs, String carOrZone) {
        String base = "rc/" + type.toUpperCase(Locale.ROOT) + "/" + atMs;
        return carOrZone == null ? base : base + "/" + carOrZone;
    }
}
