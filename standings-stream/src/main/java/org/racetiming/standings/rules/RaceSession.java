package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TimingPointPassed;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.output.CarGaps;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.time.RaceTime;

/**
 * One timing session (race, qualifying or practice) built from its events: the single place where the timing
 * rules live. Feed it the session's events in order with {@link #apply}; ask for the boards at any point. The
 * state after any prefix of the events is the state "as of" that prefix's session time, so time travel is a fresh
 * session fed the events up to T.
 *
 * <p>Not thread-safe: one session is owned by one stream task.
 */
public final class RaceSession {

    private final String sessionId;
    private SessionSetup setup;
    private final Map<String, CarRecord> cars = new LinkedHashMap<>();
    private final Set<String> appliedEventIds = new HashSet<>();
    private final TrackConditions track = new TrackConditions();
    private long sessionTimeMs;
    private long eventsSeen;
    /** The ranked board for the current state; dropped whenever an event is applied. */
    private Board board;

    public RaceSession(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("a session needs an id");
        }
        this.sessionId = sessionId;
    }

    /**
     * Applies one event. Idempotent: the same eventId twice, or a crossing already applied for (car, lap, point),
     * changes nothing and returns a rejection whose reason says "duplicate ...". A lap/point older than one already
     * applied for that car is rejected "out of order: ...". Unknown car, event before SessionStarted, wrong session
     * id, negative times, point index outside the session's points are rejected with a clear reason. Crossings of a
     * car after it took the chequered flag do not count and are rejected "after the flag: ...". Never throws on bad
     * input.
     */
    public ApplyResult apply(TimingEvent event) {
        eventsSeen++;
        ApplyResult result;
        try {
            String problem = envelopeProblem(event);
            result = problem != null ? ApplyResult.rejected(problem) : applyPayload(event);
        } catch (RuntimeException e) {
            // A hand-built record can hold nulls that Avro would never decode; say so rather than fail the stream.
            result = ApplyResult.rejected("malformed event: " + e);
        }
        if (result.applied()) {
            appliedEventIds.add(event.getEventId());
            sessionTimeMs = Math.max(sessionTimeMs, event.getSessionTimeMs());
            if (setup != null && !setup.isRace() && setup.scheduledDurationMs() != null
                    && sessionTimeMs >= setup.scheduledDurationMs()) {
                // Practice and qualifying end on the clock; a lap completed at or after it still counts.
                track.chequeredByDuration(setup.scheduledDurationMs());
            }
        }
        board = null;
        return result;
    }

    private String envelopeProblem(TimingEvent event) {
        if (event == null) {
            return "no event";
        }
        if (event.getEventId() == null || event.getEventId().isBlank()) {
            return "event without an eventId";
        }
        if (!sessionId.equals(event.getSessionId())) {
            return "wrong session: event is for '" + event.getSessionId() + "', this is '" + sessionId + "'";
        }
        if (appliedEventIds.contains(event.getEventId())) {
            return "duplicate event id '" + event.getEventId() + "'";
        }
        if (event.getSessionTimeMs() < 0) {
            return "negative session time " + event.getSessionTimeMs() + " ms";
        }
        if (event.getPayload() == null) {
            return "event without a payload";
        }
        if (setup == null && !(event.getPayload() instanceof SessionStarted)) {
            return "no SessionStarted yet for session '" + sessionId + "': "
                    + event.getPayload().getClass().getSimpleName() + " cannot be applied";
        }
        return null;
    }

    private ApplyResult applyPayload(TimingEvent event) {
        Object payload = event.getPayload();
        long at = event.getSessionTimeMs();
        if (payload instanceof SessionStarted started) {
            return sessionStarted(started);
        }
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
        if (payload instanceof TrackStatusChanged change) {
            String problem = track.apply(change, at);
            return problem == null ? ApplyResult.ok() : ApplyResult.rejected(problem);
        }
        if (payload instanceof CarRetired retired) {
            return carRetired(retired);
        }
        if (payload instanceof PenaltyApplied penalty) {
            return penaltyApplied(penalty);
        }
        return ApplyResult.rejected("unknown payload " + payload.getClass().getName());
    }

    private ApplyResult sessionStarted(SessionStarted started) {
        Long duration = started.getScheduledDurationMs();
        if (duration != null && duration < 0) {
            return ApplyResult.rejected("negative scheduled duration " + duration + " ms");
        }
        List<String> points = started.getIntermediatePoints() == null ? List.of() : started.getIntermediatePoints();
        List<Entry> entries = started.getEntries() == null ? List.of() : started.getEntries();
        Set<String> numbers = new HashSet<>();
        for (Entry entry : entries) {
            if (entry == null || entry.getCar() == null || entry.getCar().isBlank()) {
                return ApplyResult.rejected("entry list has an entry without a race number");
            }
            if (entry.getCarClass() == null || entry.getCarClass().isBlank()) {
                return ApplyResult.rejected("entry list gives car " + entry.getCar() + " no class");
            }
            if (!numbers.add(entry.getCar())) {
                return ApplyResult.rejected("entry list names car " + entry.getCar() + " twice");
            }
        }
        boolean pointsChanged = setup != null && setup.intermediatePoints().size() != points.size();
        if (pointsChanged && cars.values().stream().anyMatch(c -> c.latest() != null)) {
            return ApplyResult.rejected("intermediate points changed from " + setup.intermediatePoints() + " to "
                    + points + " after crossings were applied");
        }
        SessionType type = started.getSessionType() == null ? SessionType.RACE : started.getSessionType();
        setup = new SessionSetup(started.getName(), type, duration, points);
        // Re-sending the entry list (a late entry) replaces it; cars on both lists keep what they did.
        Map<String, CarRecord> previous = new LinkedHashMap<>(cars);
        cars.clear();
        for (Entry entry : entries) {
            CarRecord car = pointsChanged ? null : previous.get(entry.getCar());
            if (car == null) {
                car = new CarRecord(entry, setup.pointsPerLap());
            } else {
                car.entry(entry);
            }
            cars.put(entry.getCar(), car);
        }
        return ApplyResult.ok();
    }

    private ApplyResult lapCompleted(LapCompleted lap, long at) {
        CarRecord car = cars.get(lap.getCar());
        if (car == null) {
            return unknownCar(lap.getCar());
        }
        if (lap.getLap() < 1) {
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
        if (point.getLap() < 1) {
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

    // ---------------------------------------------------------------- queries

    public String sessionId() {
        return sessionId;
    }

    /** Latest session time applied. */
    public long sessionTimeMs() {
        return sessionTimeMs;
    }

    /** Events taken in, applied or rejected. */
    public long eventsSeen() {
        return eventsSeen;
    }

    public boolean chequered() {
        return track.chequered();
    }

    /** Every car, overall order. After the chequered flag this is the final classification. */
    public Standings overall() {
        return StandingsWriter.standings(header(), board(), null);
    }

    /** One class's cars in overall order, with overall and class positions and gaps. */
    public Standings classStandings(String carClass) {
        if (carClass == null) {
            return overall();
        }
        return StandingsWriter.standings(header(), board(), carClass);
    }

    /**
     * After the chequered flag: the final classification (Classified / Not classified / Retired, penalties applied).
     * Before it: the live order with statuses Running / In pit / Retired. It is the same board as {@link #overall()}:
     * once the flag has fallen every board shows final-classification statuses.
     */
    public Standings classification() {
        return overall();
    }

    /** Classes in entry-list order of first appearance. */
    public List<String> classes() {
        Set<String> classes = new LinkedHashSet<>();
        for (CarRecord car : cars.values()) {
            classes.add(car.carClass());
        }
        return new ArrayList<>(classes);
    }

    public TrackStatusState trackStatus() {
        return TrackStatusState.newBuilder()
                .setSessionId(sessionId)
                .setSessionTimeMs(sessionTimeMs)
                .setStatus(track.status())
                .setActiveSlowZones(track.slowZones())
                .setActiveYellowZones(track.yellowZones())
                .setChequeredAtMs(track.chequeredAtMs())
                .build();
    }

    /** One car's position and gaps; null if the car is not in the entry list. */
    public CarGaps carGaps(String car) {
        Board.Line line = board().line(car);
        return line == null ? null : StandingsWriter.carGaps(header(), line);
    }

    /**
     * "What is the gap between #51 and #8 right now?": the gap of whichever is behind on the board to the other,
     * by the session's rule (live gap rule in a race, final gap after the flag, best-lap difference in qualifying).
     * Null if either car is unknown; the gap inside is null when there is nothing to measure yet.
     */
    public PairGap gapBetween(String carA, String carB) {
        Board current = board();
        Board.Line a = current.line(carA);
        Board.Line b = current.line(carB);
        if (a == null || b == null) {
            return null;
        }
        if (a == b) {
            return new PairGap(carA, carB, GapValue.ofTime(0).toAvro());
        }
        Board.Line ahead = a.position() < b.position() ? a : b;
        Board.Line behind = ahead == a ? b : a;
        return new PairGap(ahead.car().number(), behind.car().number(),
                GapValue.toAvro(pairGap(ahead.placing(), behind.placing())));
    }

    private GapValue pairGap(Placing ahead, Placing behind) {
        if (!setup.isRace()) {
            Long aheadBest = ahead.car().lapStats().bestLapMs();
            Long behindBest = behind.car().lapStats().bestLapMs();
            return aheadBest == null || behindBest == null ? null : GapValue.ofTime(behindBest - aheadBest);
        }
        if (track.chequered()) {
            int laps = ahead.laps() - behind.laps();
            if (laps != 0) {
                return GapValue.ofLaps(laps);
            }
            return ahead.totalTimeMs() == null || behind.totalTimeMs() == null ? null
                    : GapValue.ofTime(behind.totalTimeMs() - ahead.totalTimeMs());
        }
        return GapRule.live(ahead.car(), behind.car(), setup.pointsPerLap(), sessionTimeMs);
    }

    private StandingsWriter.Header header() {
        return new StandingsWriter.Header(sessionId, setup == null ? null : setup.name(), sessionTimeMs,
                track.status(), track.chequered(), eventsSeen, setup == null ? 1 : setup.pointsPerLap());
    }

    private Board board() {
        if (board == null) {
            board = rank();
        }
        return board;
    }

    private Board rank() {
        Collection<CarRecord> all = cars.values();
        if (setup == null) {
            return Board.rank(List.of(), (ahead, behind) -> null);
        }
        if (!setup.isRace()) {
            return BestLapOrder.board(all, setup, track.chequered());
        }
        if (track.chequered()) {
            return FinalClassification.board(all, setup, track.chequeredAtMs());
        }
        return LiveRaceOrder.board(all, setup, sessionTimeMs);
    }
}
