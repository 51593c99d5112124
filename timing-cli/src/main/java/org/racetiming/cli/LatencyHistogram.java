package org.racetiming.cli;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in whole milliseconds, counted exactly up to a limit (beyond it, in one overflow bucket); thread-safe. */
final class LatencyHistogram {

    private final AtomicLongArray counts;

    LatencyHistogram(int maxMillis) {
        counts = new AtomicLongArray(maxMillis + 2);
    }

    void record(long millis) {
        counts.incrementAndGet((int) Math.min(Math.max(0, millis), counts.length() - 1));
    }

    long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The smallest latency that {@code fraction} of the samples do not exceed; -1 without samples. */
    long percentile(double fraction) {
        long total = count();
        if (total == 0) {
            return -1;
        }
        long wanted = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= wanted) {
                return i;
            }
        }
        return counts.length() - 1;
    }

    long max() {
        for (int i = counts.length() - 1; i >= 0; i--) {
            if (counts.get(i) > 0) {
                return i;
            }
        }
        return -1;
    }
}
