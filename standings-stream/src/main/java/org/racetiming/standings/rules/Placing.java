package org.racetiming.standings.rules;

import org.racetiming.output.CarState;

/**
 * A car's place on a board before positions and gaps are worked out.
 *
 * @param laps        laps that count (penalty laps removed)
 * @param totalTimeMs race time at the counted finish-line crossing plus time penalties; null before the first lap
 * @param gapped      whether the car gets gaps at all (retired cars and cars without a time do not)
 */
record Placing(CarRecord car, String status, CarState state, int laps, Long totalTimeMs, boolean gapped) {
}
