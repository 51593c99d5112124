package org.racetiming.ingest.feed.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plausible, fictional entry list: teams run one or two cars of the same make, race numbers are
 * strings (an Aston Martin GT car gets {@code 007}, which is not {@code 7}), LMGT3 line-ups are
 * Pro/Am with a slower bronze driver, some LMP2 cars are Pro/Am ({@code P/A}), and the grid is
 * ordered by class, then by pace.
 */
final class EntryListGenerator {

    private static final List<String> FIRST_NAMES = List.of(
            "Adrien", "Alessio", "Anders", "Ben", "Carlos", "Charlotte", "Daan", "Diego", "Elias", "Emil",
            "Felipe", "Finn", "Gabriel", "Hannes", "Henrique", "Hugo", "Ivan", "Jakub", "James", "Jonas",
            "Julien", "Kaito", "Kenji", "Lars", "Laura", "Leon", "Lucas", "Luca", "Marco", "Mateo",
            "Mathieu", "Max", "Mikkel", "Nico", "Noah", "Oliver", "Pablo", "Pieter", "Rafael", "Rui",
            "Sam", "Sara", "Sebastian", "Simon", "Sofia", "Theo", "Tomas", "Valentin", "Yuki", "Zak");
    private static final List<String> LAST_NAMES = List.of(
            "Aalders", "Albrecht", "Almeida", "Andersen", "Arnaud", "Bakker", "Barrett", "Bellini", "Berger", "Blanc",
            "Brandt", "Calloway", "Castillo", "Conti", "Costa", "Dalton", "Delacroix", "Dekker", "Eriksen", "Esposito",
            "Falk", "Ferreira", "Fontaine", "Galli", "Garnier", "Hale", "Hartmann", "Holm", "Ishikawa", "Jansen",
            "Keller", "Kowalski", "Lambert", "Lindqvist", "Lombardi", "Marchetti", "Marsh", "Meyer", "Moreau", "Mori",
            "Navarro", "Nielsen", "Novak", "Okafor", "Ortega", "Palmer", "Peeters", "Petit", "Quinn", "Reyes",
            "Richter", "Rossi", "Sato", "Schmidt", "Silva", "Sorensen", "Stone", "Strand", "Tanaka", "Thorne",
            "Vance", "Verhoeven", "Vidal", "Visser", "Wagner", "Walsh", "Weber", "Wolff", "Yamada", "Zanetti");
    private static final List<String> TEAMS = List.of(
            "Meridian Motorsport", "Apex Endurance", "Northwind Racing", "Team Castellan", "Vortex Competition",
            "Silverline Racing", "Blue Heron Motorsport", "Rossa Corse", "Halvorsen Racing", "Equipe Lumiere",
            "Ironbridge Racing", "Kestrel Motorsport", "Atlas Racing Team", "Solano Competizione", "Granite Peak Racing",
            "Helix Endurance", "Orbital Racing", "Rallye Nord", "Greenway Motorsport", "Summit Racing Team",
            "Cobalt Racing", "Falcon Crest Motorsport", "Tidewater Racing", "Polaris Endurance", "Red Delta Racing",
            "Scuderia Aurora", "Lakeside Motorsport", "Nightjar Racing", "Saltire Racing", "Zenith Autosport",
            "Ember Racing", "Marlin Motorsport", "Highland Endurance", "Crescent Racing", "Velocity Works",
            "Obsidian Racing", "Pinewood Motorsport", "Starling Racing", "Tempest Competition", "Westgate Racing");

    private final SeededRandom random;
    private final Set<String> usedNames = new HashSet<>();
    private final List<String> freeTeams;
    private final List<String> freeNumbers = new ArrayList<>();
    private boolean doubleOhSevenTaken;

    EntryListGenerator(SeededRandom random) {
        this.random = random;
        this.freeTeams = shuffled(TEAMS);
        List<String> low = new ArrayList<>();
        for (int n = 1; n <= 99; n++) {
            low.add(Integer.toString(n));
        }
        List<String> high = new ArrayList<>();
        for (int n = 100; n <= 199; n++) {
            high.add(Integer.toString(n));
        }
        // Two-digit numbers first, as on real grids; three digits only once they run out.
        freeNumbers.addAll(shuffled(low));
        freeNumbers.addAll(shuffled(high));
    }

    /** Cars in grid order. */
    List<SimulatedCar> generate(int cars) {
        int hypercars = Math.max(1, (int) Math.round(cars * 0.40));
        int lmp2 = Math.max(1, (int) Math.round(cars * 0.25));
        int gt3 = cars - hypercars - lmp2;
        if (gt3 < 1) {
            hypercars -= 1 - gt3;
            gt3 = 1;
        }
        List<SimulatedCar> grid = new ArrayList<>();
        grid.addAll(classGrid(CarClassProfile.HYPERCAR, hypercars));
        grid.addAll(classGrid(CarClassProfile.LMP2, lmp2));
        grid.addAll(classGrid(CarClassProfile.LMGT3, gt3));
        List<SimulatedCar> numbered = new ArrayList<>(grid.size());
        for (int i = 0; i < grid.size(); i++) {
            SimulatedCar c = grid.get(i);
            numbered.add(new SimulatedCar(c.number(), c.profile(), c.group(), c.team(), c.vehicle(), c.drivers(),
                    i, c.paceFactor(), c.stintLaps(), null));
        }
        return numbered;
    }

    private List<SimulatedCar> classGrid(CarClassProfile profile, int count) {
        List<SimulatedCar> cars = new ArrayList<>(count);
        List<String> makes = shuffled(profile.vehicles);
        int make = 0;
        while (cars.size() < count) {
            String vehicle = makes.get(make++ % makes.size());
            String team = nextTeam();
            int teamCars = Math.min(count - cars.size(), random.chance(0.7) ? 2 : 1);
            for (int i = 0; i < teamCars; i++) {
                cars.add(car(profile, team, vehicle));
            }
        }
        // Qualifying: faster cars start further up, with some luck involved.
        List<double[]> order = new ArrayList<>();
        for (int i = 0; i < cars.size(); i++) {
            order.add(new double[] {cars.get(i).paceFactor() + random.gaussian() * profile.carSpread * 0.5, i});
        }
        order.sort(Comparator.comparingDouble((double[] o) -> o[0]));
        List<SimulatedCar> sorted = new ArrayList<>(cars.size());
        for (double[] o : order) {
            sorted.add(cars.get((int) o[1]));
        }
        return sorted;
    }

    private SimulatedCar car(CarClassProfile profile, String team, String vehicle) {
        String group = switch (profile) {
            case HYPERCAR -> vehicle.contains("Valkyrie") ? null : "H";
            case LMP2 -> random.chance(0.4) ? "P/A" : null;
            case LMGT3 -> null;
        };
        boolean proAm = profile == CarClassProfile.LMGT3 || "P/A".equals(group);
        int driverCount = random.chance(0.15) ? 2 : 3;
        int bronzeSeat = proAm ? 1 + random.nextInt(driverCount) : 0;
        List<SimulatedDriver> drivers = new ArrayList<>(driverCount);
        for (int seat = 1; seat <= driverCount; seat++) {
            double pace = 1.0 + random.gaussian() * 0.0025;
            if (seat == bronzeSeat) {
                pace += 0.015 + Math.abs(random.gaussian()) * 0.004;
            }
            drivers.add(new SimulatedDriver(seat, uniqueDriverName(), pace, seat == bronzeSeat ? SimulatedDriver.BRONZE : null));
        }
        double carPace = 1.0 + clamp(random.gaussian(), -2.5, 2.5) * profile.carSpread;
        int stintLaps = profile.stintLaps - 1 + random.nextInt(3);
        return new SimulatedCar(raceNumber(vehicle), profile, group, team, vehicle, List.copyOf(drivers),
                0, carPace, stintLaps, null);
    }

    private String raceNumber(String vehicle) {
        if (vehicle.startsWith("Aston Martin Vantage") && !doubleOhSevenTaken) {
            doubleOhSevenTaken = true;
            return "007";
        }
        return freeNumbers.remove(0);
    }

    private String nextTeam() {
        if (freeTeams.isEmpty()) {
            freeTeams.addAll(shuffled(TEAMS.stream().map(t -> t + " II").toList()));
        }
        return freeTeams.remove(0);
    }

    /** Al Kamel style: first name, then the surname in capitals. */
    private String uniqueDriverName() {
        while (true) {
            String name = random.pick(FIRST_NAMES) + " " + random.pick(LAST_NAMES).toUpperCase(Locale.ROOT);
            if (usedNames.add(name)) {
                return name;
            }
        }
    }

    private <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, tmp);
        }
        return copy;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
