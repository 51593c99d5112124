package org.racetiming.ingest.validation;

import static org.racetiming.time.RaceTime.formatHms;
import static org.racetiming.time.RaceTime.formatShort;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.racetiming.event.CarRetired;
import org.racetiming.event.DriverChanged;
import org.racetiming.event.Entry;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;

/**
 * The checks every input path shares (Al Kamel CSV, race control, HTTP, simulator), so that they
 * reject the same things with the same words: missing fields, duplicate event ids, cars that are
 * not in the session's entry list, laps at or below 0, laps or timing points going backwards,
 * impossible times (negative, a lap time of 0, a lap that would start before the session, before
 * the car's previous finish-line crossing or, for the next lap, well after it; a crossing before
 * the car's previous crossing) and penalties of nothing.
 *
 * <p>Keeps context per session id: the entry list and timing points of the last accepted
 * {@link SessionStarted}, each car's progress, and the ids seen. Until a session's start is seen
 * (or when its entry list is empty) any car is accepted, because the entry list is not known.
 *
 * <p>There is deliberately no upper bound on a lap time: real laps under a red flag or spent in
 * the garage last hours (Le Mans 2024 has a 17-hour lap), so only consistency with the session
 * clock is checked.
 *
 * <p>Thread-safe; every accepted event is remembered, so keep one instance per ingest path and
 * {@link #forget(String)} sessions that are over.
 */
public final class EventValidator {

    /**
     * How far the start of a lap (crossing time minus lap time) may lie after the end of the car's
     * previous lap. Al Kamel's are equal to the millisecond in every real file; the slack is for
     * feeds that round lap times on their own. A larger gap means a wrong ELAPSED or LAP_TIME, and
     * accepting it would put the car ahead in time and reject all its true laps after it.
     */
    static final long LAP_START_TOLERANCE_MS = 1_000;

    private final Map<String, SessionContext> sessions = new HashMap<>();

    /** A validator that has already accepted these events (e.g. a CSV feed's), ignoring any it would reject. */
    public static EventValidator seededWith(Iterable<TimingEvent> accepted) {
        EventValidator validator = new EventValidator();
        for (TimingEvent event : accepted) {
            validator.accept(event);
        }
        return validator;
    }

    /** Checks one event and, if accepted, remembers it. */
    public Verdict accept(TimingEvent event) {
        return acceptAll(List.of(event));
    }

    /**
     * Checks events that stand or fall together (e.g. all the events made from one CSV row), in
     * order, each against the context left by the ones before it. Remembers all of them if all are
     * accepted, none otherwise; the verdict is the first rejection.
     */
    public synchronized Verdict acceptAll(List<TimingEvent> batch) {
        Staging staging = new Staging();
        for (TimingEvent event : batch) {
            String reason = check(event, staging);
            if (reason != null) {
                return Verdict.reject(reason);
            }
        }
        staging.commit();
        return Verdict.accept();
    }

    /** Drops everything known about a session. */
    public synchronized void forget(String sessionId) {
        sessions.remove(sessionId);
    }

    private String check(TimingEvent event, Staging staging) {
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
        Object payload = event.getPayload();
        if (payload == null) {
            return "missing payload";
        }
        long at = event.getSessionTimeMs();
        if (at < 0) {
            return "negative session time " + formatHms(at);
        }
        String session = event.getSessionId();
        String firstSource = staging.sourceOf(session, event.getEventId());
        if (firstSource != null) {
            return "duplicate of " + (firstSource.isEmpty() ? "an earlier event" : firstSource) + " (" + describe(event) + ")";
        }
        String reason = checkPayload(session, at, payload, staging);
        if (reason == null) {
            staging.rememberId(session, event.getEventId(), event.getSource());
        }
        return reason;
    }

    private String checkPayload(String session, long at, Object payload, Staging staging) {
        if (payload instanceof LapCompleted lap) {
            return checkLap(session, at, lap, staging);
        }
        if (payload instanceof TimingPointPassed point) {
            return checkPoint(session, at, point, staging);
        }
        if (payload instanceof PitIn pitIn) {
            String reason = checkCar(session, pitIn.getCar(), staging);
            return reason != null ? reason : checkLapNumber(pitIn.getLap());
        }
        if (payload instanceof PitOut pitOut) {
            return checkPitOut(session, pitOut, staging);
        }
        if (payload instanceof DriverChanged change) {
            String reason = checkCar(session, change.getCar(), staging);
            if (reason != null) {
                return reason;
            }
            if (isBlank(change.getDriverName())) {
                return "missing driver name for car " + change.getCar();
            }
            return change.getDriverSeat() != null && change.getDriverSeat() < 1 ? "driver seat " + change.getDriverSeat() + " is not a seat" : null;
        }
        if (payload instanceof TrackStatusChanged status) {
            return checkTrackStatus(status);
        }
        if (payload instanceof CarRetired retired) {
            return checkCar(session, retired.getCar(), staging);
        }
        if (payload instanceof PenaltyApplied penalty) {
            return checkPenalty(session, penalty, staging);
        }
        if (payload instanceof SessionStarted start) {
            return checkStart(session, start, staging);
        }
        return payload instanceof org.racetiming.event.SessionEnded ? null : "unknown payload " + payload.getClass().getSimpleName();
    }

    private String checkLap(String session, long at, LapCompleted lap, Staging staging) {
        String car = lap.getCar();
        String reason = checkCar(session, car, staging);
        if (reason == null) {
            reason = checkLapNumber(lap.getLap());
        }
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
                if (sector != null && sector < 0) {
                    return "negative sector time " + formatShort(sector);
                }
            }
        }
        CarProgress progress = staging.progress(session, car);
        if (lap.getLap() <= progress.completedLap()) {
            return lap.getLap() == progress.completedLap()
                    ? "car " + car + " already completed lap " + lap.getLap()
                    : "lap " + lap.getLap() + " of car " + car + " goes backwards: it already completed lap " + progress.completedLap();
        }
        reason = checkCrossingTime(car, at, progress);
        if (reason != null) {
            return reason;
        }
        if (lapTime != null && progress.lastFinishMs() >= 0 && at - lapTime < progress.lastFinishMs()) {
            return "lap time " + formatShort(lapTime) + " would start lap " + lap.getLap() + " at " + formatHms(at - lapTime)
                    + ", before car " + car + "'s previous finish-line crossing at " + formatHms(progress.lastFinishMs());
        }
        if (lapTime != null && progress.lastFinishMs() >= 0 && lap.getLap() == progress.completedLap() + 1
                && at - lapTime > progress.lastFinishMs() + LAP_START_TOLERANCE_MS) {
            return "lap time " + formatShort(lapTime) + " would start lap " + lap.getLap() + " at " + formatHms(at - lapTime)
                    + ", but car " + car + " completed lap " + progress.completedLap() + " at " + formatHms(progress.lastFinishMs());
        }
        staging.setProgress(session, car, progress.afterLap(lap.getLap(), at));
        return null;
    }

    private String checkPoint(String session, long at, TimingPointPassed point, Staging staging) {
        String car = point.getCar();
        String reason = checkCar(session, car, staging);
        if (reason == null) {
            reason = checkLapNumber(point.getLap());
        }
        if (reason != null) {
            return reason;
        }
        int points = staging.intermediatePoints(session);
        if (point.getPoint() < 1 || (points > 0 && point.getPoint() > points)) {
            return "timing point " + point.getPoint() + " does not exist" + (points > 0 ? " (the session has " + points + ")" : "");
        }
        if (point.getSectorTimeMs() != null && point.getSectorTimeMs() < 0) {
            return "negative sector time " + formatShort(point.getSectorTimeMs());
        }
        CarProgress progress = staging.progress(session, car);
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
        reason = checkCrossingTime(car, at, progress);
        if (reason != null) {
            return reason;
        }
        staging.setProgress(session, car, progress.afterPoint(point.getLap(), point.getPoint(), at));
        return null;
    }

    private String checkPitOut(String session, PitOut pitOut, Staging staging) {
        String reason = checkCar(session, pitOut.getCar(), staging);
        if (reason == null) {
            reason = checkLapNumber(pitOut.getLap());
        }
        if (reason != null) {
            return reason;
        }
        if (pitOut.getPitLaneTimeMs() != null && pitOut.getPitLaneTimeMs() < 0) {
            return "negative pit lane time " + formatShort(pitOut.getPitLaneTimeMs());
        }
        int completed = staging.progress(session, pitOut.getCar()).completedLap();
        return pitOut.getLap() <= completed
                ? "pit out on lap " + pitOut.getLap() + " of car " + pitOut.getCar() + " goes backwards: it already completed lap " + completed
                : null;
    }

    private static String checkTrackStatus(TrackStatusChanged status) {
        if (status.getStatus() == null) {
            return "missing track status";
        }
        boolean zoned = status.getStatus() == TrackStatus.SLOW_ZONE || status.getStatus() == TrackStatus.YELLOW;
        return zoned && isBlank(status.getZone()) ? "missing zone for " + status.getStatus() : null;
    }

    private String checkPenalty(String session, PenaltyApplied penalty, Staging staging) {
        String reason = checkCar(session, penalty.getCar(), staging);
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

    private static String checkStart(String session, SessionStarted start, Staging staging) {
        if (isBlank(start.getName())) {
            return "missing session name";
        }
        if (start.getSessionType() == null) {
            return "missing session type";
        }
        Set<String> cars = new HashSet<>();
        for (Entry entry : start.getEntries() == null ? List.<Entry>of() : start.getEntries()) {
            if (entry == null || isBlank(entry.getCar())) {
                return "entry without a car number";
            }
            if (entry.getCarClass() == null) {
                return "missing class of car " + entry.getCar();
            }
            if (!cars.add(entry.getCar())) {
                return "car " + entry.getCar() + " is in the entry list twice";
            }
        }
        int points = start.getIntermediatePoints() == null ? 0 : start.getIntermediatePoints().size();
        staging.start(session, cars.isEmpty() ? null : cars, points);
        return null;
    }

    private String checkCar(String session, String car, Staging staging) {
        if (isBlank(car)) {
            return "missing car";
        }
        Set<String> entries = staging.entries(session);
        return entries != null && !entries.contains(car) ? "unknown car " + car + " (not in the session's entry list)" : null;
    }

    private static String checkLapNumber(int lap) {
        return lap < 1 ? "lap " + lap + " is not a lap (laps count from 1)" : null;
    }

    private static String checkCrossingTime(String car, long at, CarProgress progress) {
        return at < progress.lastCrossingMs()
                ? "crossing at " + formatHms(at) + " is before car " + car + "'s previous crossing at " + formatHms(progress.lastCrossingMs())
                : null;
    }

    private static String describe(TimingEvent event) {
        Object p = event.getPayload();
        if (p instanceof LapCompleted lap) {
            return "car " + lap.getCar() + " lap " + lap.getLap();
        }
        if (p instanceof TimingPointPassed point) {
            return "car " + point.getCar() + " lap " + point.getLap() + " point " + point.getPoint();
        }
        if (p instanceof PitIn pitIn) {
            return "car " + pitIn.getCar() + " pit in, lap " + pitIn.getLap();
        }
        if (p instanceof PitOut pitOut) {
            return "car " + pitOut.getCar() + " pit out, lap " + pitOut.getLap();
        }
        if (p instanceof DriverChanged change) {
            return "car " + change.getCar() + " driver change to " + change.getDriverName();
        }
        if (p instanceof TrackStatusChanged status) {
            return "track status " + status.getStatus() + (status.getZone() == null ? "" : " zone " + status.getZone())
                    + " at " + formatHms(event.getSessionTimeMs());
        }
        if (p instanceof CarRetired retired) {
            return "car " + retired.getCar() + " retired";
        }
        if (p instanceof PenaltyApplied penalty) {
            return "car " + penalty.getCar() + " penalty";
        }
        return "event " + event.getEventId();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Per-session context: what was accepted so far. */
    private static final class SessionContext {
        private Set<String> entries;
        private int intermediatePoints;
        private final Map<String, String> sourceById = new HashMap<>();
        private final Map<String, CarProgress> cars = new HashMap<>();
    }

    /**
     * Changes made by a batch, visible to the batch's later events, applied only on commit. Maps are
     * made on first use: a CSV file makes a batch per row, most of one car in one session.
     */
    private final class Staging {
        private Map<String, Map<String, String>> ids;
        private Map<String, Map<String, CarProgress>> cars;
        private Map<String, SessionContext> starts;

        String sourceOf(String session, String id) {
            String staged = ids == null ? null : ids.getOrDefault(session, Map.of()).get(id);
            if (staged != null) {
                return staged;
            }
            SessionContext context = sessions.get(session);
            return context == null ? null : context.sourceById.get(id);
        }

        void rememberId(String session, String id, String source) {
            if (ids == null) {
                ids = new HashMap<>(4);
            }
            ids.computeIfAbsent(session, s -> new HashMap<>(16)).put(id, source == null ? "" : source);
        }

        CarProgress progress(String session, String car) {
            CarProgress staged = cars == null ? null : cars.getOrDefault(session, Map.of()).get(car);
            if (staged != null) {
                return staged;
            }
            SessionContext context = sessions.get(session);
            CarProgress known = context == null ? null : context.cars.get(car);
            return known == null ? CarProgress.START : known;
        }

        void setProgress(String session, String car, CarProgress progress) {
            if (cars == null) {
                cars = new HashMap<>(4);
            }
            cars.computeIfAbsent(session, s -> new HashMap<>(4)).put(car, progress);
        }

        Set<String> entries(String session) {
            SessionContext context = header(session);
            return context == null ? null : context.entries;
        }

        int intermediatePoints(String session) {
            SessionContext context = header(session);
            return context == null ? 0 : context.intermediatePoints;
        }

        private SessionContext header(String session) {
            return starts != null && starts.containsKey(session) ? starts.get(session) : sessions.get(session);
        }

        void start(String session, Set<String> entries, int points) {
            SessionContext header = new SessionContext();
            header.entries = entries;
            header.intermediatePoints = points;
            if (starts == null) {
                starts = new HashMap<>(4);
            }
            starts.put(session, header);
        }

        void commit() {
            if (starts != null) {
                starts.forEach((session, header) -> {
                    SessionContext context = sessions.computeIfAbsent(session, s -> new SessionContext());
                    context.entries = header.entries;
                    context.intermediatePoints = header.intermediatePoints;
                });
            }
            if (ids != null) {
                ids.forEach((session, byId) -> sessions.computeIfAbsent(session, s -> new SessionContext()).sourceById.putAll(byId));
            }
            if (cars != null) {
                cars.forEach((session, byCar) -> sessions.computeIfAbsent(session, s -> new SessionContext()).cars.putAll(byCar));
            }
        }
    }
}
