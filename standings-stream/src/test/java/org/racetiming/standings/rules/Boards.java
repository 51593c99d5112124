package org.racetiming.standings.rules;

import java.util.List;
import org.racetiming.output.CarStanding;
import org.racetiming.output.Gap;
import org.racetiming.output.Standings;
import org.racetiming.time.RaceTime;

/** Reads boards the way a person reads a timing screen. */
final class Boards {

    private Boards() {
    }

    static List<String> order(Standings standings) {
        return standings.getCars().stream().map(CarStanding::getCar).toList();
    }

    static CarStanding row(Standings standings, String car) {
        return standings.getCars().stream().filter(c -> c.getCar().equals(car)).findFirst()
                .orElseThrow(() -> new AssertionError("car " + car + " not on the board " + order(standings)));
    }

    /** "1 Lap", "12.607", or null: the official text of a gap. */
    static String text(Gap gap) {
        return gap == null ? null : RaceTime.formatGap(gap.getLaps(), gap.getTimeMs());
    }
}
