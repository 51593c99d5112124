package org.racetiming.ingest.publish;

/**
 * Releases events at their session time, scaled by a speed factor: 1 is live pace, 60 is an
 * hour a minute, and {@link #AS_FAST_AS_POSSIBLE} does not wait at all.
 */
public final class Pacer {

    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;

    private final double speed;
    private long startNanos = -1;
    private long firstSessionMs;

    public Pacer(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.speed = speed;
    }

    public double speed() {
        return speed;
    }

    /** Blocks until the event at {@code sessionTimeMs} is due. The first call sets the origin. */
    public void awaitSessionTime(long sessionTimeMs) throws InterruptedException {
        if (Double.isInfinite(speed)) {
            return;
        }
        if (startNanos < 0) {
            startNanos = System.nanoTime();
            firstSessionMs = sessionTimeMs;
            return;
        }
        long dueNanos = startNanos + (long) ((sessionTimeMs - firstSessionMs) * 1_000_000L / speed);
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
