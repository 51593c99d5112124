package org.racetiming.ingest.feed.alkamel;

import static org.racetiming.time.RaceTime.formatHms;
import static org.racetiming.time.RaceTime.formatShort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PitOut;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;

/**
 * A consistency rule of the Al Kamel analysis file itself, not of delivery: a file holds each car's laps in lap
 * order, every lap starting where the car's previous one ended. A row that contradicts the car's earlier rows
 * (a lap or point going backwards, a crossing before the previous one, an ELAPSED that puts the lap's start far
 * from the previous lap's end) has a wrong LAP_NUMBER, ELAPSED or LAP_TIME; accepting it would put the car ahead in
 * time and make all its true laps after it look wrong. Events from live feeds are not checked this way: they may
 * arrive in any order (DOMAIN.md, "Delivery order does not matter").
 */
final class CarRowSequence {

    /**
     * How far the start of a lap (crossing time minus lap time) may lie after the end of the car's previous lap.
     * Al Kamel's are equal to the millisecond in every real file; the slack is for feeds that round lap times.
     */
    static final long LAP_START_TOLERANCE_MS = 1_000;

    private final Map<String, CarProgress> cars = new HashMap<>();

    /** Why the events of one row contradict the car's earlier rows, or null; nothing is remembered. */
    String problem(List<TimingEvent> rowEvents) {
        Map<String, CarProgress> staged = new HashMap<>(4);
        for (TimingEvent event : rowEvents) {
            String reason = check(event, staged);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** Remembers an accepted row's events. */
    void accept(List<TimingEvent> rowEvents) {
        Map<String, CarProgress> staged = new HashMap<>(4);
        for (TimingEvent event : rowEvents) {
            check(event, staged);
        }
        cars.putAll(staged);
    }

    private String check(TimingEvent event, Map<String, CarProgress> staged) {
        long at = event.getSessionTimeMs();
        Object payload = event.getPayload();
        if (payload instanceof LapCompleted lap) {
            return checkLap(lap, at, staged);
        }
        if (payload instanceof TimingPointPassed point) {
            return checkPoint(point, at, staged);
        }
        if (payload instanceof PitOut pitOut) {
            int completed = progress(pitOut.getCar(), staged).completedLap();
            return pitOut.getLap() <= completed ? "pit out on lap " + pitOut.getLap() + " of car " + pitOut.getCar()
                    + " goes backwards: it already completed lap " + completed : null;
        }
        return null;
    }

    private String checkLap(LapCompleted lap, long at, Map<String, CarProgress> staged) {
        String car = lap.getCar();
        CarProgress progress = progress(car, staged);
        if (lap.getLap() <= progress.completedLap()) {
            return lap.getLap() == progress.completedLap()
                    ? "car " + car + " already completed lap " + lap.getLap()
                    : "lap " + lap.getLap() + " of car " + car + " goes backwards: it already completed lap " + progress.completedLap();
        }
        String reason = checkCrossingTime(car, at, progress);
        if (reason != null) {
            return reason;
        }
        Long lapTime = lap.getLapTimeMs();
        if (lapTime != null && progress.lastFinishMs() >= 0 && at - lapTime < progress.lastFinishMs()) {
            return "lap time " + formatShort(lapTime) + " would start lap " + lap.getLap() + " at " + formatHms(at - lapTime)
                    + ", before car " + car + "'s previous finish-line crossing at " + formatHms(progress.lastFinishMs());
        }
        if (lapTime != null && progress.lastFinishMs() >= 0 && lap.getLap() == progress.completedLap() + 1
                && at - lapTime > progress.lastFinishMs() + LAP_START_TOLERANCE_MS) {
            return "lap time " + formatShort(lapTime) + " would start lap " + lap.getLap() + " at " + formatHms(at - lapTime)
                    + ", but car " + car + " completed lap " + progress.completedLap() + " at " + formatHms(progress.lastFinishMs());
        }
        staged.put(car, progress.afterLap(lap.getLap(), at));
        return null;
    }

    private String checkPoint(TimingPointPassed point, long at, Map<String, CarProgress> staged) {
        String car = point.getCar();
        CarProgress progress = progress(car, staged);
        int lapsBefore = point.getLap() - 1;
        if (lapsBefore < progress.completedLap()) {
            return "lap " + point.getLap() + " point " + point.getPoint() + " of car " + car
                    + " goes backwards: it already completed lap " + progress.completedLap();
        }
        if (lapsBefore == progress.completedLap() && point.getPoint() <= progress.point()) {
            return point.getPoint() == progress.point()
                    ? "car " + car + " already passed point " + point.getPoint() + " on lap " + point.getLap()
                    : "lap " + point.getLap() + " point " + point.getPoint() + " of car " + car
                            + " goes backwards: it already passed point " + progress.point();
        }
        String reason = checkCrossingTime(car, at, progress);
        if (reason != null) {
            return reason;
        }
        staged.put(car, progress.afterPoint(point.getLap(), point.getPoint(), at));
        return null;
    }

    private CarProgress progress(String car, Map<String, CarProgress> staged) {
        CarProgress progress = staged.get(car);
        if (progress == null) {
            progress = cars.getOrDefault(car, CarProgress.START);
        }
        return progress;
    }

    private static String checkCrossingTime(String car, long at, CarProgress progress) {
        return at < progress.lastCrossingMs()
                ? "crossing at " + formatHms(at) + " is before car " + car + "'s previous crossing at " + formatHms(progress.lastCrossingMs())
                : null;
    }
}
