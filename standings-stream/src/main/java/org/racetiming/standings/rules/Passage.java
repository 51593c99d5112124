package org.racetiming.standings.rules;

/**
 * A car passing a timing line. {@code progress} counts lines since the start: lap {@code L} completed is
 * {@code L * pointsPerLap}, intermediate point {@code i} on lap {@code L} is {@code (L - 1) * pointsPerLap + i}.
 */
record Passage(int progress, long timeMs) {
}
