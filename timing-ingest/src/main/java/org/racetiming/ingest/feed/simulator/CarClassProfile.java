package org.racetiming.ingest.feed.simulator;

import java.util.List;

/**
 * How fast a class is and how it races, calibrated on WEC Bahrain 2024 (Hypercar median lap 1:54.8,
 * LMGT3 2:07.2, stints of about 31 laps, pit-lane times around 80 s); LMP2 sits in between.
 */
enum CarClassProfile {

    HYPERCAR("HYPERCAR", 113_800, 0.0035, 31, 268.0, 0.00030, 0.00020, 0.25,
            List.of("Toyota GR010 Hybrid", "Ferrari 499P", "Porsche 963", "Cadillac V-Series.R",
                    "Peugeot 9X8", "BMW M Hybrid V8", "Alpine A424", "Lamborghini SC63", "Aston Martin Valkyrie")),
    LMP2("LMP2", 118_700, 0.0040, 30, 262.0, 0.00040, 0.00020, 0.15,
            List.of("Oreca 07 - Gibson")),
    LMGT3("LMGT3", 126_500, 0.0045, 28, 251.0, 0.00045, 0.00015, 0.10,
            List.of("Porsche 911 GT3 R LMGT3", "Ferrari 296 LMGT3", "BMW M4 LMGT3", "Aston Martin Vantage AMR LMGT3",
                    "Corvette Z06 LMGT3.R", "Lexus RC F LMGT3", "McLaren 720S LMGT3 Evo", "Ford Mustang LMGT3",
                    "Mercedes-AMG LMGT3"));

    final String className;
    /** Green-flag lap of an average car with an average driver on fresh tyres. */
    final long baseLapMs;
    /** Standard deviation of car pace within the class, as a fraction of the lap. */
    final double carSpread;
    /** Laps a full tank lasts at green-flag pace. */
    final int stintLaps;
    final double topSpeedKph;
    /** Lap time lost per lap on the same tyres, as a fraction. */
    final double tyreDegradationPerLap;
    /** Lap time gained per lap of fuel burnt, as a fraction. */
    final double fuelGainPerLap;
    /** Chance per lap of losing time in traffic: prototypes lose most, lapping the GT cars. */
    final double trafficChance;
    final List<String> vehicles;

    CarClassProfile(String className, long baseLapMs, double carSpread, int stintLaps, double topSpeedKph,
                    double tyreDegradationPerLap, double fuelGainPerLap, double trafficChance, List<String> vehicles) {
        this.className = className;
        this.baseLapMs = baseLapMs;
        this.carSpread = carSpread;
        this.stintLaps = stintLaps;
        this.topSpeedKph = topSpeedKph;
        this.tyreDegradationPerLap = tyreDegradationPerLap;
        this.fuelGainPerLap = fuelGainPerLap;
        this.trafficChance = trafficChance;
        this.vehicles = vehicles;
    }
}
