package org.racetiming.ingest.feed.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the cars that will not see the flag, when and why: about 7% of a 6-hour grid, more in a
 * longer race, never more than a third of the cars. Retirements come early enough that race control
 * has declared them before the flag.
 */
final class RetirementPlanner {

    private static final List<String> MECHANICAL = List.of(
            "mechanical (gearbox)", "mechanical (hydraulics)", "mechanical (engine)", "mechanical (suspension)",
            "electrical");

    private RetirementPlanner() {
    }

    static List<SimulatedCar> plan(SeededRandom random, List<SimulatedCar> grid, long durationMs) {
        double hours = durationMs / 3_600_000.0;
        int count = (int) Math.floor(grid.size() * 0.07 * hours / 6.0 + random.nextDouble() * 1.5);
        count = Math.min(count, grid.size() / 3);
        long earliest = hours >= 1 ? Math.max(5 * 60_000L, durationMs / 10) : durationMs / 10;
        long latest = hours >= 1 ? durationMs - 20 * 60_000L : durationMs * 6 / 10;

        List<SimulatedCar> cars = new ArrayList<>(grid);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < cars.size(); i++) {
            candidates.add(i);
        }
        for (int k = 0; k < count; k++) {
            int index = candidates.remove(random.nextInt(candidates.size()));
            boolean accident = random.chance(0.45);
            String reason = accident ? "accident" : random.pick(MECHANICAL);
            Retirement retirement = new Retirement(random.between(earliest, latest), accident, reason);
            cars.set(index, cars.get(index).withRetirement(retirement));
        }
        return cars;
    }
}
