package org.racetiming.ingest.feed.alkamel;

import org.racetiming.event.TrackStatus;

/**
 * One parsed row of an analysis file: a completed lap. Times in milliseconds of session time;
 * null where the file has nothing.
 */
record AlKamelLap(
        int line, String source, String raw,
        String car, Integer driverSeat, String driverName, int lap,
        Long lapTimeMs, Long s1Ms, Long s2Ms, Long s3Ms, boolean crossedInPit, long elapsedMs, Long pitTimeMs,
        Double kph, Double topSpeedKph,
        String carClass, String group, String team, String manufacturer,
        TrackStatus flag) {

    /** The same row with the seat counted from 1 instead of 0. */
    AlKamelLap withSeatFromOne() {
        return driverSeat == null ? this : new AlKamelLap(line, source, raw, car, driverSeat + 1, driverName, lap,
                lapTimeMs, s1Ms, s2Ms, s3Ms, crossedInPit, elapsedMs, pitTimeMs, kph, topSpeedKph,
                carClass, group, team, manufacturer, flag);
    }

    /** Lap start = ELAPSED - LAP_TIME; null without a lap time. */
    Long lapStartMs() {
        return lapTimeMs == null ? null : elapsedMs - lapTimeMs;
    }

    /** The S1 line crossing, or null when it cannot be computed. */
    Long s1AtMs() {
        Long start = lapStartMs();
        return start == null || s1Ms == null ? null : start + s1Ms;
    }

    /** The S2 line crossing, or null when it cannot be computed. */
    Long s2AtMs() {
        Long s1At = s1AtMs();
        return s1At == null || s2Ms == null ? null : s1At + s2Ms;
    }
}
