package org.racetiming.ingest.feed.simulator;

/** A driver in a simulated line-up; {@code paceFactor} multiplies the car's lap time (1.0 = the car's pace). */
record SimulatedDriver(int seat, String name, double paceFactor) {
}
