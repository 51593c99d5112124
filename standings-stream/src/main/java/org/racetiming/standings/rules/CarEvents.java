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
 * Applies the events about one car, in session-time order: crossings, pit stops, drivers, retirements, penalties.
 * The event as a whole was checked before ({@link org.racetiming.validation.EventChecks}); what is left here is
 * where it stands: an event that changes nothing there (a crossing already recorded, a crossing after the car's
 * flag, a second retirement) is ignored, and changes nothing.
 */
final class CarEvents {

    private final SessionSetup setup;
    private final Map<String, CarRecord> cars;
    private final TrackConditions track;

    CarEvents(SessionSetup setup, Map<String, CarRecord> cars, TrackConditions track) {
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
        int progress = setup.finishProgress(lap.getLap());
        String problem = passageProblem(car, progress, at);
        if (problem != null) {
            return ApplyResult.ignored(problem);
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
        int progress = setup.pointProgress(point.getLap(), point.getPoint());
        String problem = passageProblem(car, progress, at);
        if (problem != null) {
            return ApplyResult.ignored(problem);
        }
        car.passages().add(progress, at);
        car.lapStats().pointPassed(point.getLap(), point.getPoint(), point.getSectorTimeMs());
        car.pit().passed(point.getLap(), false, false, at);
        return ApplyResult.ok();
    }

    /**
     * Why a passage changes nothing where it stands (recorded already, behind the car's latest line, after the
     * car's flag), or null. Events come in session-time order, so "behind" means the feed contradicts itself.
     */
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
        if (lap == last) {
            return ApplyResult.ignored("duplicate: car " + car.number() + " pit entry on lap " + lap
                    + " already applied");
        }
        if (lap < last) {
            return ApplyResult.ignored("out of order: car " + car.number() + " pit entry on lap " + lap
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
        if (lap == last) {
            return ApplyResult.ignored("duplicate: car " + car.number() + " pit exit on lap " + lap
                    + " already applied");
        }
        if (lap < last) {
            return ApplyResult.ignored("out of order: car " + car.number() + " pit exit on lap " + lap
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
        car.pit().driver(change.getDriverName(), at);
        return ApplyResult.ok();
    }

    private ApplyResult carRetired(CarRetired retired) {
        CarRecord car = cars.get(retired.getCar());
        if (car == null) {
            return unknownCar(retired.getCar());
        }
        if (car.retired()) {
            return ApplyResult.ignored("duplicate: car " + car.number() + " is already retired");
        }
        car.retire();
        return ApplyResult.ok();
    }

    private ApplyResult penaltyApplied(PenaltyApplied penalty) {
        CarRecord car = cars.get(penalty.getCar());
        if (car == null) {
            return unknownCar(penalty.getCar());
        }
        car.penalise(penalty.getLaps(), penalty.getTimeMs());
        return ApplyResult.ok();
    }

    private ApplyResult unknownCar(String car) {
        // The same words as EventChecks: only an event that waited for the session's start gets here.
        return ApplyResult.rejected("unknown car " + car + " (not in the session's entry list)");
    }
}
