package org.racetiming.standings.rules;

import java.util.Arrays;

/**
 * Every timing line one car has passed, so that the gap rule can ask "when did this car pass that line?" in O(1)
 * and "how far had it got by time t?" in O(log n) without scanning the race.
 *
 * <p>Passages only move forward: a new one must be further on and not earlier than the latest one (the session
 * checks that before adding), which keeps both arrays sorted by progress and by time.
 *
 * <p>A {@link #snapshot()} (a keyframe of the session) shares the arrays instead of copying them: appends beyond its
 * own count, and lines further on than its latest passage, are invisible to it; it copies them only when it is
 * added to itself. So a keyframe of a whole race costs a few objects per car, not its whole history.
 */
final class PassageHistory {

    static final long NONE = Long.MIN_VALUE;

    /** Passage time by progress index, {@link #NONE} where the line was not recorded (an empty sector). */
    private long[] timeByProgress;
    /** The recorded passages in order, for binary search by time. */
    private int[] progressInOrder;
    private long[] timeInOrder;
    private int count;
    /** The arrays may be seen by another history: copy them before the first write. */
    private boolean shared;

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
        if (progress < 0 || progress >= timeByProgress.length || count == 0 || progress > progressInOrder[count - 1]) {
            return NONE;
        }
        return timeByProgress[progress];
    }

    /** This history as it stands, sharing the arrays until either side would change what the other sees. */
    PassageHistory snapshot() {
        PassageHistory copy = new PassageHistory(timeByProgress, progressInOrder, timeInOrder, count);
        copy.shared = true;
        return copy;
    }

    private PassageHistory(long[] timeByProgress, int[] progressInOrder, long[] timeInOrder, int count) {
        this.timeByProgress = timeByProgress;
        this.progressInOrder = progressInOrder;
        this.timeInOrder = timeInOrder;
        this.count = count;
    }

    PassageHistory() {
        this(newTimes(64), new int[64], new long[64], 0);
    }

    Passage latest() {
        return count == 0 ? null : at(count - 1);
    }

    Passage at(int index) {
        return new Passage(progressInOrder[index], timeInOrder[index]);
    }

    void add(int progress, long timeMs) {
        if (shared) {
            // Only lines further on than ours are written below, but the other side may be writing them too.
            timeByProgress = timeByProgress.clone();
            progressInOrder = Arrays.copyOf(progressInOrder, Math.max(count * 2, 64));
            timeInOrder = Arrays.copyOf(timeInOrder, progressInOrder.length);
            for (int p = count == 0 ? 0 : progressInOrder[count - 1] + 1; p < timeByProgress.length; p++) {
                timeByProgress[p] = NONE;
            }
            shared = false;
        }
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
