package org.racetiming.ingest.feed.simulator;

import java.util.List;
import java.util.stream.Collectors;

import org.racetiming.event.Driver;
import org.racetiming.event.Entry;

/**
 * One entry with what the simulation needs about it.
 *
 * @param gridIndex  0-based starting position (also breaks ties between simultaneous events)
 * @param paceFactor multiplies the class's base lap
 * @param stintLaps  laps a full tank lasts at green-flag pace
 * @param retirement planned retirement, or null if the car runs to the flag
 */
record SimulatedCar(String number, CarClassProfile profile, String group, String team, String vehicle,
                    List<SimulatedDriver> drivers, int gridIndex, double paceFactor, int stintLaps,
                    Retirement retirement) {

    SimulatedCar withRetirement(Retirement planned) {
        return new SimulatedCar(number, profile, group, team, vehicle, drivers, gridIndex, paceFactor, stintLaps, planned);
    }

    Entry toEntry() {
        List<Driver> lineUp = drivers.stream()
                .map(d -> new Driver(d.seat(), d.name(), d.category()))
                .collect(Collectors.toList());
        return new Entry(number, profile.className, group, team, vehicle, lineUp);
    }
}
