package org.racetiming.ingest.feed.alkamel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.racetiming.event.Driver;
import org.racetiming.event.Entry;

/**
 * The entry list of a whole file: every car in order of first appearance, with the first class,
 * group, team and manufacturer given for it and its drivers by seat.
 */
final class EntryListBuilder {

    private final Map<String, CarEntry> cars = new LinkedHashMap<>();

    void add(AlKamelLap lap) {
        cars.computeIfAbsent(lap.car(), CarEntry::new).add(lap);
    }

    List<Entry> build() {
        List<Entry> entries = new ArrayList<>(cars.size());
        for (CarEntry car : cars.values()) {
            entries.add(car.toEntry());
        }
        return entries;
    }

    private static final class CarEntry {
        private final String car;
        private String carClass;
        private String group;
        private String team;
        private String vehicle;
        private final Map<Integer, String> driversBySeat = new TreeMap<>();

        CarEntry(String car) {
            this.car = car;
        }

        void add(AlKamelLap lap) {
            carClass = carClass != null ? carClass : lap.carClass();
            group = group != null ? group : lap.group();
            team = team != null ? team : lap.team();
            vehicle = vehicle != null ? vehicle : lap.manufacturer();
            if (lap.driverSeat() != null && lap.driverName() != null) {
                driversBySeat.putIfAbsent(lap.driverSeat(), lap.driverName());
            }
        }

        Entry toEntry() {
            List<Driver> drivers = new ArrayList<>(driversBySeat.size());
            driversBySeat.forEach((seat, name) -> drivers.add(new Driver(seat, name, null)));
            // A class is required by the schema; a car whose rows never name one gets an empty class.
            return new Entry(car, carClass == null ? "" : carClass, group, team, vehicle, drivers);
        }
    }
}
