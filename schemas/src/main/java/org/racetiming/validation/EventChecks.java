package org.racetiming.validation;

import static org.racetiming.time.RaceTime.formatHms;
import static org.racetiming.time.RaceTime.formatShort;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.MinimumDriveTime;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

/**
 * The one verdict on an event: does it break a rule <em>as a whole</em>? Ingest (every input path) and the
 * standings both ask here, so an event gets the same verdict and the same words everywhere.
 *
 * <p>Only what an event says by itself, and what its session's {@link SessionStarted} declares (the entry list,
 * the timing points), is checked: a missing field, an impossible time, a lap number no race reaches, an unknown car,
 * a timing point the session does not have. Nothing depends on which events came before: an event that arrives after
 * a later one is not wrong (DOMAIN.md, "Delivery order does not matter"), so there is no "goes backwards" here. An
 * event before its session's start is checked against what it says alone; its car is checked once the entry list is
 * known. There is deliberately no upper bound on a lap time: real laps under a red flag or in the garage last hours.
 */
public final class EventChecks {

    /** Far beyond any race (a 24-hour race is under 400 laps); the standings size a car's passages by lap number. */
    public static final int MAX_LAP = 10_000;
    /**
     * No session lasts a week: the longest races run 24 hours, and race control's last decisions come hours after
     * the flag. A bound also keeps session times clear of the keys the standings reserve past any real time.
     */
    public static final long MAX_SESSION_TIME_MS = 7L * 24 * 3600 * 1000;

    private EventChecks() {
    }

    /**
     * What the session's start declared, for the checks that need it; {@link #UNKNOWN} before any start is seen.
     *
     * @param cars               the entry list's race numbers, or null while unknown
     * @param intermediatePoints the number of intermediate timing points, or -1 while unknown
     */
    public record SessionFacts(Set<String> cars, int intermediatePoints) {

        public static final SessionFacts UNKNOWN = new SessionFacts(null, -1);

        public static SessionFacts of(SessionStarted start) {
            Set<String> cars = new HashSet<>();
            for (Entry entry : start.getEntries()) {
                cars.add(entry.getCar());
            }
            return new SessionFacts(Set.copyOf(cars), start.getIntermediatePoints().size());
        }
    }

    /** Why the event breaks a rule as a whole, or null when it does not. */
    public static String problem(TimingEvent event, SessionFacts session) {
        if (event == null) {
            return "no event";
        }
        if (isBlank(event.getEventId())) {
            return "missing eventId";
        }
        if (isBlank(event.getSessionId())) {
            return "missing sessionId";
        }
        if (event.getWallClock() == null) {
            return "missing wallClock";
        }
        if (event.getSessionTimeMs() < 0) {
            return "negative session time " + formatHms(event.getSessionTimeMs());
        }
        if (event.getSessionTimeMs() > MAX_SESSION_TIME_MS) {
            return "session time " + formatHms(event.getSessionTimeMs()) + " is impossible (no session lasts "
                    + formatHms(MAX_SESSION_TIME_MS) + ")";
        }
        Object payload = event.getPayload();
        if (payload == null) {
            return "missing payload";
        }
        return payloadProblem(payload, event.getSessionTimeMs(), session);
    }

    private static String payloadProblem(Object payload, long at, SessionFacts session) {
        if (payload instanceof LapCompleted lap) {
            return lapProblem(lap, at, session);
        }
        if (payload instanceof TimingPointPassed point) {
            return pointProblem(point, session);
        }
        if (payload instanceof PitIn pitIn) {
            return firstOf(carProblem(pitIn.getCar(), session), lapNumberProblem(pitIn.getLap()));
        }
        if (payload instanceof PitOut pitOut) {
            String reason = firstOf(carProblem(pitOut.getCar(), session), lapNumberProblem(pitOut.getLap()));
            return reason != null ? reason : negative(pitOut.getPitLaneTimeMs(), "pit lane time");
        }
        if (payload instanceof DriverChanged change) {
            return driverChangeProblem(change, session);
        }
        if (payload instanceof TrackStatusChanged status) {
            return trackStatusProblem(status);
        }
        if (payload instanceof CarRetired retired) {
            return carProblem(retired.getCar(), session);
        }
        if (payload instanceof PenaltyApplied penalty) {
            return penaltyProblem(penalty, session);
        }
        if (payload instanceof SessionStarted start) {
            return startProblem(start);
        }
        if (payload instanceof SessionEnded) {
            return null;
        }
        return "unknown payload " + payload.getClass().getSimpleName();
    }

    private static String lapProblem(LapCompleted lap, long at, SessionFacts session) {
        String reason = firstOf(carProblem(lap.getCar(), session), lapNumberProblem(lap.getLap()));
        if (reason != null) {
            return reason;
        }
        Long lapTime = lap.getLapTimeMs();
        if (lapTime != null && lapTime <= 0) {
            return "lap time " + formatShort(lapTime) + " is impossible";
        }
        if (lapTime != null && lapTime > at) {
            return "lap time " + formatShort(lapTime) + " is longer than the session at the crossing (" + formatHms(at) + ")";
        }
        if (lap.getSectorTimesMs() != null) {
            for (Long sector : lap.getSectorTimesMs()) {
                reason = negative(sector, "sector time");
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }

    private static String pointProblem(TimingPointPassed point, SessionFacts session) {
        String reason = firstOf(carProblem(point.getCar(), session), lapNumberProblem(point.getLap()));
        if (reason != null) {
            return reason;
        }
        int points = session.intermediatePoints();
        if (point.getPoint() < 1 || (points >= 0 && point.getPoint() > points)) {
            return "timing point " + point.getPoint() + " does not exist"
                    + (points == 0 ? " (the session declares no intermediate points)"
                    : points > 0 ? " (the session has " + points + ")" : "");
        }
        return negative(point.getSectorTimeMs(), "sector time");
    }

    private static String driverChangeProblem(DriverChanged change, SessionFacts session) {
        String reason = carProblem(change.getCar(), session);
        if (reason != null) {
            return reason;
        }
        if (isBlank(change.getDriverName())) {
            return "missing driver name for car " + change.getCar();
        }
        return change.getDriverSeat() != null && change.getDriverSeat() < 1
                ? "driver seat " + change.getDriverSeat() + " is not a seat" : null;
    }

    private static String trackStatusProblem(TrackStatusChanged status) {
        TrackStatus kind = status.getStatus();
        if (kind == null) {
            return "missing track status";
        }
        boolean zoned = kind == TrackStatus.SLOW_ZONE || kind == TrackStatus.YELLOW;
        if (zoned && isBlank(status.getZone())) {
            return "missing zone for " + kind;
        }
        if (!status.getActive() && kind == TrackStatus.GREEN) {
            return "GREEN cannot be ended; send the condition that replaces it";
        }
        return !status.getActive() && kind == TrackStatus.CHEQUERED ? "the chequered flag cannot be withdrawn" : null;
    }

    private static String penaltyProblem(PenaltyApplied penalty, SessionFacts session) {
        String reason = carProblem(penalty.getCar(), session);
        if (reason != null) {
            return reason;
        }
        if (penalty.getLaps() < 0) {
            return "negative penalty of " + penalty.getLaps() + " laps";
        }
        if (penalty.getTimeMs() < 0) {
            return "negative time penalty " + formatShort(penalty.getTimeMs());
        }
        return penalty.getLaps() == 0 && penalty.getTimeMs() == 0 ? "penalty of neither laps nor time" : null;
    }

    private static String startProblem(SessionStarted start) {
        if (isBlank(start.getName())) {
            return "missing session name";
        }
        if (start.getSessionType() == null) {
            return "missing session type";
        }
        if (start.getScheduledDurationMs() != null && start.getScheduledDurationMs() <= 0) {
            return "scheduled duration " + formatShort(start.getScheduledDurationMs()) + " is impossible";
        }
        List<Entry> entries = start.getEntries();
        if (entries == null || entries.isEmpty()) {
            return "empty entry list: a session needs the cars that race in it";
        }
        Set<String> cars = new HashSet<>();
        for (Entry entry : entries) {
            if (entry == null || isBlank(entry.getCar())) {
                return "entry without a car number";
            }
            if (isBlank(entry.getCarClass())) {
                return "missing class of car " + entry.getCar();
            }
            if (!cars.add(entry.getCar())) {
                return "car " + entry.getCar() + " is in the entry list twice";
            }
        }
        for (String point : start.getIntermediatePoints()) {
            if (isBlank(point)) {
                return "an intermediate point without a name";
            }
        }
        for (MinimumDriveTime minimum : start.getMinimumDriveTimes()) {
            if (isBlank(minimum.getCategory()) || minimum.getMinimumMs() <= 0) {
                return "a minimum drive time needs a category and a positive time";
            }
        }
        return null;
    }

    private static String carProblem(String car, SessionFacts session) {
        if (isBlank(car)) {
            return "missing car";
        }
        return session.cars() != null && !session.cars().contains(car)
                ? "unknown car " + car + " (not in the session's entry list)" : null;
    }

    private static String lapNumberProblem(int lap) {
        if (lap < 1) {
            return "lap " + lap + " is not a lap (laps count from 1)";
        }
        return lap > MAX_LAP ? "lap " + lap + " is not a lap any race reaches (at most " + MAX_LAP + ")" : null;
    }

    private static String negative(Long ms, String what) {
        return ms != null && ms < 0 ? "negative " + what + " " + formatShort(ms) : null;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
