package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ranked board: every car's overall and class position, and its gaps overall and in its class. */
final class Board {

    /** The gap of {@code behind} to {@code ahead} by the rule of the session kind. */
    @FunctionalInterface
    interface GapMeasure {
        GapValue between(Placing ahead, Placing behind);
    }

    record Line(Placing placing, int position, int classPosition, String carAhead, String classCarAhead,
                GapValue gapFirst, GapValue interval, GapValue classGapFirst, GapValue classInterval) {

        CarRecord car() {
            return placing.car();
        }
    }

    private final List<Line> lines;
    private final Map<String, Line> byCar;

    private Board(List<Line> lines) {
        this.lines = List.copyOf(lines);
        this.byCar = new HashMap<>();
        for (Line line : lines) {
            byCar.put(line.car().number(), line);
        }
    }

    static Board rank(List<Placing> ordered, GapMeasure measure) {
        List<Line> lines = new ArrayList<>(ordered.size());
        Map<String, Placing> classLeader = new HashMap<>();
        Map<String, Placing> classPrevious = new HashMap<>();
        Map<String, Integer> classCount = new HashMap<>();
        Placing leader = ordered.isEmpty() ? null : ordered.get(0);
        Placing previous = null;
        for (Placing placing : ordered) {
            String carClass = placing.car().carClass();
            Placing classFirst = classLeader.putIfAbsent(carClass, placing);
            Placing classAhead = classPrevious.put(carClass, placing);
            int classPosition = classCount.merge(carClass, 1, Integer::sum);
            lines.add(new Line(placing, lines.size() + 1, classPosition,
                    previous == null ? null : previous.car().number(),
                    classAhead == null ? null : classAhead.car().number(),
                    gap(measure, placing == leader ? null : leader, placing),
                    gap(measure, previous, placing),
                    gap(measure, classFirst, placing),
                    gap(measure, classAhead, placing)));
            previous = placing;
        }
        return new Board(lines);
    }

    private static GapValue gap(GapMeasure measure, Placing ahead, Placing behind) {
        if (ahead == null || !ahead.gapped() || !behind.gapped()) {
            return null;
        }
        return measure.between(ahead, behind);
    }

    List<Line> lines() {
        return lines;
    }

    Line line(String car) {
        return byCar.get(car);
    }
}
