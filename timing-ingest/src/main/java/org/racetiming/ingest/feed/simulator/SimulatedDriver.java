package org.racetiming.ingest.feed.simulator;

/**
 * A driver in a simulated line-up; {@code paceFactor} multiplies the car's lap time (1.0 = the car's
 * pace); {@code category} is the FIA driver category where it matters (the bronze of a Pro/Am car), else null.
 */
record SimulatedDriver(int seat, String name, double paceFactor, String category) {

    static final String BRONZE = "BRONZE";
}
