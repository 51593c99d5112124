package org.racetiming.cli;

import java.util.StringJoiner;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Gap;
import org.racetiming.output.Standings;
import org.racetiming.time.RaceTime;

/** The semicolon-separated table `timing classify` prints; its first columns are a stable contract. */
public final class ClassificationTable {

    public static final String HEADER = "POSITION;NUMBER;CLASS;CLASS_POSITION;STATUS;LAPS;TOTAL_TIME;"
            + "GAP_FIRST;GAP_PREVIOUS;CLASS_GAP_FIRST;CLASS_GAP_PREVIOUS;TEAM;PIT_STOPS;BEST_LAP";

    private ClassificationTable() {
    }

    public static String format(Standings standings) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (CarStanding car : standings.getCars()) {
            StringJoiner row = new StringJoiner(";");
            row.add(Integer.toString(car.getPosition()))
                    .add(car.getCar())
                    .add(car.getCarClass())
                    .add(Integer.toString(car.getClassPosition()))
                    .add(car.getStatus())
                    .add(Integer.toString(car.getLaps()))
                    .add(car.getTotalTimeMs() == null ? "" : RaceTime.formatHms(car.getTotalTimeMs()))
                    .add(gap(car.getGapFirst()))
                    .add(gap(car.getInterval()))
                    .add(gap(car.getClassGapFirst()))
                    .add(gap(car.getClassInterval()))
                    .add(car.getTeam() == null ? "" : car.getTeam())
                    .add(Integer.toString(car.getPitStops()))
                    .add(car.getBestLapMs() == null ? "" : RaceTime.formatShort(car.getBestLapMs()));
            out.append(row).append('\n');
        }
        return out.toString();
    }

    static String gap(Gap gap) {
        return gap == null ? "" : RaceTime.formatGap(gap.getLaps(), gap.getTimeMs());
    }
}
