package org.racetiming.ingest.feed.simulator;

/**
 * A car's planned end. An accident stops the car on track at {@code atMs}; a mechanical failure at
 * {@code atMs} brings it into the pits at the end of that lap, where it stays.
 */
record Retirement(long atMs, boolean accident, String reason) {
}
