package org.racetiming.standings.rules;

import java.util.Map;
import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.time.RaceTime;

/**
 * Checks and applies the events about one car: crossings, pit stops, drivers, retirements, penalties. Nothing is
 * changed unless the whole event is valid, so a rejected event leaves the session as it was.
 */
final class CarEvents {

    /** Far beyond any race (a 24-hour race is under 400 laps); a passage array is sized by the lap number. */
    static final int MAX_LAP = 10_000;

    private final String sessionId;
    private final SessionSetup setup;
    private final Map<String, CarRecord> cars;
    private final TrackConditions track;

    CarEvents(String sessionId, SessionSetup setup, Map<String, CarRecord> cars, TrackConditions track) {
        this.sessionId = sessionId;
        this.setup = setup;
        this.cars = cars;
        this.track = track;
    }

    ApplyResult apply(Object payload, long at) {
        if (payload instanceof LapCompleted lap) {
            return lapCompleted(lap, at);
        }
        if (payload instanceof TimingPointPassed point) {
            return pointPassed(point, at);
        }
        if (payload instanceof PitIn pitIn) {
            return pitIn(pitIn, at);
        }
        if (payload instanceof PitOut pitOut) {
            return pitOut(pitOut, at);
        }
        if (payload instanceof DriverChanged change) {
            return driverChanged(change, at);
        }
        if (payload instanceof CarRetired retired) {
            return carRetired(retired);
        }
        if (payload instanceof PenaltyApplied penalty) {
            return penaltyApplied(penalty);
        }
        return ApplyResult.rejected("unknown payload " + payload.getClass().getName());
    }

    private ApplyResult lapCompleted(LapCompleted lap, long at) {
        CarRecord car = cars.get(lap.getCar());
        if (car == null) {
            return unknownCar(lap.getCar());
        }
        if (lap.getLap() < 1 || lap.getLap() > MAX_LAP) {
            return ApplyResult.rejected("car " + car.number() + ": lap " + lap.getLap() + " is not a lap number");
        }
        if (lap.getLapTimeMs() != null && lap.getLapTimeMs() < 0) {
            return ApplyResult.rejected("car " + car.number() + " lap " + lap.getLap() + ": negative lap time");
        }
        if (lap.getSectorTimesMs() != null && lap.getSectorTimesMs().stream().anyMatch(s -> s != null && s < 0)) {
            return ApplyResult.rejected("car " + car.number() + " lap " + lap.getLap() + ": negative sector time");
        }
        int progress = setup.finishProgress(lap.getLap());
        String problem = passageProblem(car, progress, at);
        if (problem != null) {
            return ApplyResult.rejected(problem);
        }
        Passage previous = car.latest();
        // The driver named on a lap drove all of it: a change the feed did not announce happened by its start.
        long lapStart = lap.getLapTimeMs() != null ? at - lap.getLapTimeMs()
                : previous != null ? previous.timeMs() : at;
        car.pit().driver(lap.getDriverName(), lapStart);
        car.passages().add(progress, at);
        car.lapStats().lapCompleted(lap.getLap(), lap.getLapTimeMs(), lap.getSectorTimesMs(), at);
        car.pit().passed(lap.getLap(), true, lap.getCrossedInPit(), at);
        chequeredIfLeaderFinished(car, at);
        return ApplyResult.ok();
    }

    private ApplyResult pointPassed(TimingPointPassed point, long at) {
        CarRecord car = cars.get(point.getCar());
        if (car == null) {
            return unknownCar(point.getCar());
        }
        if (point.getLap() < 1 || point.getLap() > MAX_LAP) {
            return ApplyResult.rejected("car " + car.number() + ": lap " + point.getLap() + " is not a lap number");
        }
        int points = setup.intermediatePoints().size();
        if (point.getPoint() < 1 || point.getPoint() > points) {
            return ApplyResult.rejected("car " + car.number() + ": point " + point.getPoint()
                    + " is outside this session's intermediate points " + (points == 0 ? "(none)"
                    : "1.." + points + " " + setup.intermediatePoints()));
        }
        if (point.getSectorTimeMs() != null && point.getSectorTimeMs() < 0) {
            return ApplyResult.rejected("car " + car.number() + ": negative sector time");
        }
        int progress = setup.pointProgress(point.getLap(), point.getPoint());
        String problem = passageProblem(car, progress, at);
        if (problem != null) {
            return ApplyResult.rejected(problem);
        }
        car.passages().add(progress, at);
        car.lapStats().pointPassed(point.getLap(), point.getPoint(), point.getSectorTimeMs());
        car.pit().passed(point.getLap(), false, false, at);
        return ApplyResult.ok();
    }

    /** Why a passage cannot be applied (duplicate, out of order, after the car's flag), or null. */
    private String passageProblem(CarRecord car, int progress, long at) {
        String what = "car " + car.number() + " " + setup.describe(progress);
        if (car.passages().has(progress)) {
            return "duplicate: " + what + " already applied";
        }
        Passage latest = car.latest();
        if (latest != null && progress < latest.progress()) {
            return "out of order: " + what + " is behind " + setup.describe(latest.progress()) + ", already applied";
        }
        if (latest != null && at < latest.timeMs()) {
            return "out of order: " + what + " at " + RaceTime.formatHms(at) + " is earlier than its "
                    + setup.describe(latest.progress()) + " at " + RaceTime.formatHms(latest.timeMs());
        }
        Passage flag = flagTakenBy(car);
        if (flag != null) {
            return "after the flag: car " + car.number() + " took the chequered flag on "
                    + setup.describe(flag.progress()) + " at " + RaceTime.formatHms(flag.timeMs())
                    + "; later crossings do not count";
        }
        return null;
    }

    private Passage flagTakenBy(CarRecord car) {
        Long chequeredAt = track.chequeredAtMs();
        return chequeredAt == null ? null : car.passages().firstFinishAtOrAfter(chequeredAt, setup.pointsPerLap());
    }

    /** Without a CHEQUERED event, the flag falls at the leader's first crossing at or after the duration. */
    private void chequeredIfLeaderFinished(CarRecord car, long at) {
        Long duration = setup.scheduledDurationMs();
        if (!setup.isRace() || track.chequered() || duration == null || at < duration || car.retired()) {
            return;
        }
        var order = LiveRaceOrder.runningOrder(setup.pointsPerLap());
        for (CarRecord other : cars.values()) {
            if (other != car && !other.retired() && order.compare(other, car) < 0) {
                return;
            }
        }
        track.chequeredByDuration(at);
    }

    private ApplyResult pitIn(PitIn pitIn, long at) {
        CarRecord car = cars.get(pitIn.getCar());
        if (car == null) {
            return unknownCar(pitIn.getCar());
        }
        int lap = pitIn.getLap();
        int last = car.pit().lastPitInLap();
        if (lap < 1) {
            return ApplyResult.rejected("car " + car.number() + ": pit entry on lap " + lap + " is not a lap number");
        }
        if (lap == last) {
            return ApplyResult.rejected("duplicate: car " + car.number() + " pit entry on lap " + lap
                    + " already applied");
        }
        if (lap < last) {
            return ApplyResult.rejected("out of order: car " + car.number() + " pit entry on lap " + lap
                    + " after its pit entry on lap " + last);
        }
        car.pit().pitIn(lap, at);
        return ApplyResult.ok();
    }

    private ApplyResult pitOut(PitOut pitOut, long at) {
        CarRecord car = cars.get(pitOut.getCar());
        if (car == null) {
            return unknownCar(pitOut.getCar());
        }
        int lap = pitOut.getLap();
        int last = car.pit().lastPitOutLap();
        if (lap < 1) {
            return ApplyResult.rejected("car " + car.number() + ": pit exit on lap " + lap + " is not a lap number");
        }
        if (pitOut.getPitLaneTimeMs() != null && pitOut.getPitLaneTimeMs() < 0) {
            return ApplyResult.rejected("car " + car.number() + ": negative pit-lane time");
        }
        if (lap == last) {
            return ApplyResult.rejected("duplicate: car " + car.number() + " pit exit on lap " + lap
                    + " already applied");
        }
        if (lap < last) {
            return ApplyResult.rejected("out of order: car " + car.number() + " pit exit on lap " + lap
                    + " after its pit exit on lap " + last);
        }
        car.pit().pitOut(lap, at, pitOut.getPitLaneTimeMs());
        return ApplyResult.ok();
    }

    private ApplyResult driverChanged(DriverChanged change, long at) {
        CarRecord car = cars.get(change.getCar());
        if (car == null) {
            return unknownCar(change.getCar());
        }
        if (change.getDriverName() == null || change.getDriverName().isBlank()) {
            return ApplyResult.rejected("car " + car.number() + ": driver change without a driver name");
        }
        car.pit().driver(change.getDriverName(), at);
        return ApplyResult.ok();
    }

    private ApplyResult carRetired(CarRetired retired) {
        CarRecord car = cars.get(retired.getCar());
        if (car == null) {
            return unknownCar(retired.getCar());
        }
        if (car.retired()) {
            return ApplyResult.rejected("duplicate: car " + car.number() + " is already retired");
        }
        car.retire();
        return ApplyResult.ok();
    }

    private ApplyResult penaltyApplied(PenaltyApplied penalty) {
        CarRecord car = cars.get(penalty.getCar());
        if (car == null) {
            return unknownCar(penalty.getCar());
        }
        if (penalty.getLaps() < 0 || penalty.getTimeMs() < 0) {
            return ApplyResult.rejected("car " + car.number() + ": a penalty cannot give laps or time back");
        }
        if (penalty.getLaps() == 0 && penalty.getTimeMs() == 0) {
            return ApplyResult.rejected("car " + car.number() + ": penalty removes no laps and adds no time");
        }
        car.penalise(penalty.getLaps(), penalty.getTimeMs());
        return ApplyResult.ok();
    }

    private ApplyResult unknownCar(String car) {
        return ApplyResult.rejected("unknown car '" + car + "': not in the entry list of session '" + sessionId + "'");
    }
}
