package org.racetiming.standings.rules;

/**
 * When a car can no longer meet its drivers' minimum drive times: they together still need more than the race has
 * left, plus two of the car's best laps (the last lap after the scheduled end). Only one driver drives at a time and
 * time in the pit lane counts for nobody. The notable event ({@link DriveTimeWatch}) and the board's flag both ask
 * this; before that moment a driver below the minimum is simply still to drive.
 */
public final class DriveTimeRule {

    private DriveTimeRule() {
    }

    /**
     * @param missingMs drive time the car's drivers still need, summed
     * @param leftMs    session time left to the scheduled end
     * @param bestLapMs the car's best lap, null if it has none
     */
    public static boolean cannotMeet(long missingMs, long leftMs, Long bestLapMs) {
        return missingMs > 0 && missingMs > leftMs + 2 * (bestLapMs == null ? 0 : bestLapMs);
    }
}
