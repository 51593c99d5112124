package org.racetiming.ingest.feed.simulator;

/**
 * SplitMix64 with a Box-Muller Gaussian on {@link StrictMath}.
 *
 * <p>Own code rather than {@code java.util.Random}/{@code SplittableRandom}: their Gaussian and
 * splitting algorithms are JDK implementation details, and a seed must give the same race on
 * every JVM. {@code StrictMath} makes the floating point part bit-for-bit reproducible too.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SeededRandom(long seed) {
        this.state = mix(seed);
    }

    /** An independent stream, so one consumer drawing more numbers never shifts another's. */
    SeededRandom fork(long salt) {
        return new SeededRandom(nextLong() ^ mix(salt * GOLDEN_GAMMA + 1));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double between(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    long between(long from, long to) {
        return from + (long) ((to - from) * nextDouble());
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Exponentially distributed with the given mean. */
    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    <T> T pick(java.util.List<T> items) {
        return items.get(nextInt(items.size()));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
