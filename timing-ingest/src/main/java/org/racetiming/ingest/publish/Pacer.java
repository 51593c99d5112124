package org.racetiming.ingest.publish;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Releases events at their session time, scaled by a speed factor: 1 is live pace, 60 is an
 * hour a minute, and {@link #AS_FAST_AS_POSSIBLE} does not wait at all.
 *
 * <p>Due times are computed from one origin (not from the previous event), so waiting never
 * accumulates drift over a 24-hour session.
 */
public final class Pacer {

    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;

    /** Waits a number of nanoseconds; a seam for tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long startNanos;
    private long originSessionMs;
    private boolean started;

    public Pacer(double speed) {
        this(speed, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public Pacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * A speed as people type it: a positive factor ({@code 1}, {@code 60}, {@code 0.5}) or {@code max}
     * for as fast as possible.
     */
    public static double parseSpeed(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return AS_FAST_AS_POSSIBLE;
        }
        try {
            double speed = Double.parseDouble(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
            if (speed > 0 && !Double.isInfinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the text as given
        }
        throw new IllegalArgumentException("speed must be a positive factor (1 = live, 60 = an hour a minute) or 'max', not '" + text + "'");
    }

    /** {@code max}, {@code 1x}, {@code 60x}: how a speed reads in messages. */
    public static String describe(double speed) {
        if (Double.isInfinite(speed)) {
            return "max";
        }
        return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "x";
    }

    public double speed() {
        return speed;
    }

    public boolean paced() {
        return !Double.isInfinite(speed);
    }

    /** Makes "now" the moment of {@code sessionTimeMs}: later events are due relative to it. */
    public void start(long sessionTimeMs) {
        startNanos = nanoTime.getAsLong();
        originSessionMs = sessionTimeMs;
        started = true;
    }

    /** Blocks until the event at {@code sessionTimeMs} is due. Without {@link #start}, the first call sets the origin. */
    public void awaitSessionTime(long sessionTimeMs) throws InterruptedException {
        if (!paced()) {
            return;
        }
        if (!started) {
            start(sessionTimeMs);
            return;
        }
        long dueNanos = startNanos + (long) ((sessionTimeMs - originSessionMs) * 1_000_000.0 / speed);
        long wait = dueNanos - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
