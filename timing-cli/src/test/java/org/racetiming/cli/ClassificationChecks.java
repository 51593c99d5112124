package org.racetiming.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.time.RaceTime;

/** What any final classification must satisfy, whatever the race. */
final class ClassificationChecks {

    private static final List<String> STATUS_ORDER = List.of("Classified", "Not classified", "Retired");

    private ClassificationChecks() {
    }

    static void assertConsistent(List<Map<String, String>> rows) {
        assertThat(rows).isNotEmpty();
        Map<String, Integer> classPositions = new HashMap<>();
        Map<String, String> previous = null;
        int leaderLaps = Integer.parseInt(rows.get(0).get("LAPS"));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String car = "#" + row.get("NUMBER");
            assertThat(row.get("POSITION")).as("position of %s", car).isEqualTo(Integer.toString(i + 1));
            assertThat(row.get("STATUS")).as("status of %s", car).isIn(STATUS_ORDER);
            int expectedClassPosition = classPositions.merge(row.get("CLASS"), 1, Integer::sum);
            assertThat(row.get("CLASS_POSITION")).as("class position of %s", car).isEqualTo(Integer.toString(expectedClassPosition));
            int laps = Integer.parseInt(row.get("LAPS"));
            if (previous != null) {
                int statusRank = STATUS_ORDER.indexOf(row.get("STATUS"));
                int previousRank = STATUS_ORDER.indexOf(previous.get("STATUS"));
                assertThat(statusRank).as("status order at %s", car).isGreaterThanOrEqualTo(previousRank);
                if (statusRank == previousRank) {
                    int previousLaps = Integer.parseInt(previous.get("LAPS"));
                    assertThat(laps).as("laps descending at %s", car).isLessThanOrEqualTo(previousLaps);
                    if (laps == previousLaps && !row.get("TOTAL_TIME").isEmpty()) {
                        assertThat(RaceTime.parse(row.get("TOTAL_TIME"))).as("total time ascending at %s", car)
                                .isGreaterThanOrEqualTo(RaceTime.parse(previous.get("TOTAL_TIME")));
                    }
                }
            }
            if (i == 0) {
                assertThat(row.get("GAP_FIRST")).as("the winner has no gap").isEmpty();
            } else if (row.get("STATUS").equals("Retired")) {
                assertThat(row.get("GAP_FIRST")).as("a retired car has no gap: %s", car).isEmpty();
            } else if (laps < leaderLaps) {
                int down = leaderLaps - laps;
                assertThat(row.get("GAP_FIRST")).as("gap of %s", car).isEqualTo(down + (down == 1 ? " Lap" : " Laps"));
            } else {
                assertThat(RaceTime.parse(row.get("GAP_FIRST"))).as("time gap of %s", car).isPositive();
            }
            previous = row;
        }
    }
}
