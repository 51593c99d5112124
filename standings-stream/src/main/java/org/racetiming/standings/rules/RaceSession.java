package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.racetiming.event.Entry;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.output.CarGaps;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;

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
    /** Applies the events about one car; replaced with the setup when SessionStarted comes. */
    private CarEvents carEvents;
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
        if (payload instanceof TrackStatusChanged change) {
            String problem = track.apply(change, at);
            return problem == null ? ApplyResult.ok() : ApplyResult.rejected(problem);
        }
        return carEvents.apply(payload, at);
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
        carEvents = new CarEvents(sessionId, setup, cars, track);
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

    /**
     * WEC championship points once the flag has fallen (Classified cars by class position, scaled by the scheduled
     * duration, +1 for each class's pole sitter); empty before the flag or without a scheduled duration.
     */
    public Map<String, Integer> championshipPoints(Collection<String> poleSitters) {
        if (setup == null || !setup.isRace() || !track.chequered() || setup.scheduledDurationMs() == null) {
            return Map.of();
        }
        return ChampionshipPoints.of(classification(), setup.scheduledDurationMs(),
                poleSitters == null ? List.of() : poleSitters);
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
