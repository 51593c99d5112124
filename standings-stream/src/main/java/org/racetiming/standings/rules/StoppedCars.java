package org.racetiming.standings.rules;

/**
 * When a car counts as stopped: it has passed no timing line for much longer than its laps take. Screens mark it
 * (state STOPPED, with since when); after the flag, a car idle for {@link #AFTER_FLAG_IDLE_MS} cannot be on its last
 * lap any more and is Retired (DOMAIN.md, "The end of the race").
 */
final class StoppedCars {

    /** At least this long without a timing line before a car is STOPPED, whatever its lap times. */
    static final long MIN_STOPPED_MS = 5 * 60_000L;
    /** "Much longer than its laps take": this many of its best laps. */
    static final int LAPS_WITHOUT_A_LINE = 3;
    static final long AFTER_FLAG_IDLE_MS = 15 * 60_000L;

    private StoppedCars() {
    }

    /** Session time of the car's last line if it is stopped at {@code nowMs}, else null. */
    static Long stoppedSince(CarRecord car, long nowMs) {
        Passage latest = car.latest();
        if (latest == null || car.retired()) {
            return null;
        }
        Long best = car.lapStats().bestLapMs();
        long threshold = Math.max(MIN_STOPPED_MS, best == null ? 0 : LAPS_WITHOUT_A_LINE * best);
        return nowMs - latest.timeMs() > threshold ? latest.timeMs() : null;
    }

    /** After the flag: the car has passed no line for 15 minutes (or none at all). */
    static boolean idleAfterFlag(CarRecord car, long nowMs) {
        Passage latest = car.latest();
        return latest == null ? nowMs >= AFTER_FLAG_IDLE_MS : nowMs - latest.timeMs() >= AFTER_FLAG_IDLE_MS;
    }
}
