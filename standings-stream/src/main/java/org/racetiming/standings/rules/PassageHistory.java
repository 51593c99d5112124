package org.racetiming.standings.rules;

import java.util.Arrays;

/**
 * Every timing line one car has passed, so that the gap rule can ask "when did this car pass that line?" in O(1)
 * and "how far had it got by time t?" in O(log n) without scanning the race.
 *
 * <p>Passages only move forward: a new one must be further on and not earlier than the latest one (the session
 * checks that before adding), which keeps both arrays sorted by progress and by time.
 */
final class PassageHistory {

    static final long NONE = Long.MIN_VALUE;

    /** Passage time by progress index, {@link #NONE} where the line was not recorded (an empty sector). */
    private long[] timeByProgress = newTimes(64);
    /** The recorded passages in order, for binary search by time. */
    private int[] progressInOrder = new int[64];
    private long[] timeInOrder = new long[64];
    private int count;

    private static long[] newTimes(int size) {
        long[] times = new long[size];
        Arrays.fill(times, NONE);
        return times;
    }

    int size() {
        return count;
    }

    boolean has(int progress) {
        return timeAt(progress) != NONE;
    }

    /** Time the line at {@code progress} was passed, or {@link #NONE}. */
    long timeAt(int progress) {
        return progress >= 0 && progress < timeByProgress.length ? timeByProgress[progress] : NONE;
    }

    Passage latest() {
        return count == 0 ? null : at(count - 1);
    }

    Passage at(int index) {
        return new Passage(progressInOrder[index], timeInOrder[index]);
    }

    void add(int progress, long timeMs) {
        if (progress >= timeByProgress.length) {
            long[] grown = newTimes(Math.max(progress + 1, timeByProgress.length * 2));
            System.arraycopy(timeByProgress, 0, grown, 0, timeByProgress.length);
            timeByProgress = grown;
        }
        if (count == progressInOrder.length) {
            progressInOrder = Arrays.copyOf(progressInOrder, count * 2);
            timeInOrder = Arrays.copyOf(timeInOrder, count * 2);
        }
        timeByProgress[progress] = timeMs;
        progressInOrder[count] = progress;
        timeInOrder[count] = timeMs;
        count++;
    }

    /** Index of the latest passage at or before {@code timeMs}, or -1. */
    int indexAtOrBefore(long timeMs) {
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timeInOrder[mid] <= timeMs) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Progress reached by {@code timeMs}, or -1 when nothing was passed by then. */
    int progressAt(long timeMs) {
        int index = indexAtOrBefore(timeMs);
        return index < 0 ? -1 : progressInOrder[index];
    }

    /** The first recorded passage further on than {@code progress}, or null. */
    Passage firstAfter(int progress) {
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (progressInOrder[mid] > progress) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found < 0 ? null : at(found);
    }

    /** The first finish-line crossing at or after {@code timeMs} (the car's flag), or null. */
    Passage firstFinishAtOrAfter(long timeMs, int pointsPerLap) {
        int index = indexAtOrBefore(timeMs - 1) + 1;
        for (int i = index; i < count; i++) {
            if (progressInOrder[i] % pointsPerLap == 0) {
                return at(i);
            }
        }
        return null;
    }

    /** The latest finish-line crossing, or null before the first lap is completed. */
    Passage lastFinish(int pointsPerLap) {
        for (int i = count - 1; i >= 0; i--) {
            if (progressInOrder[i] % pointsPerLap == 0) {
                return at(i);
            }
        }
        return null;
    }
}
