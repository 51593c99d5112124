package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.racetiming.event.Entry;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.SessionType;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.output.CarGaps;
import org.racetiming.output.Standings;
import org.racetiming.output.TrackStatusState;
import org.racetiming.validation.EventChecks;
import org.racetiming.validation.EventChecks.SessionFacts;

/**
 * One timing session (race, qualifying or practice) built from its events: the single place where the timing
 * rules live. Feed it the session's events <em>in session-time order</em> with {@link #apply} ({@link EventTimeline}
 * does that whatever order they arrive in); ask for the boards at any point. The state after the events up to a
 * session time is the state "as of" that time.
 *
 * <p>Not thread-safe: one session is owned by one stream task. {@link #copy()} is cheap (passage histories are
 * shared until written), which is what keyframes and time travel are made of.
 */
public final class RaceSession {

    private final String sessionId;
    private SessionSetup setup;
    private SessionFacts facts = SessionFacts.UNKNOWN;
    /** Applies the events about one car; replaced with the setup when SessionStarted comes. */
    private CarEvents carEvents;
    private final Map<String, CarRecord> cars;
    /** Events that came before the session's start: they wait for it (DOMAIN.md, "Delivery order does not matter"). */
    private final List<TimingEvent> waiting;
    private final TrackConditions track;
    private final RaceControlLog messages;
    private long sessionTimeMs;
    private long wallClockMs;
    private long eventsSeen;
    private boolean ended;
    /** The ranked board for the current state; dropped whenever an event is applied. */
    private Board board;

    public RaceSession(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("a session needs an id");
        }
        this.sessionId = sessionId;
        this.cars = new LinkedHashMap<>();
        this.waiting = new ArrayList<>();
        this.track = new TrackConditions();
        this.messages = new RaceControlLog();
    }

    private RaceSession(RaceSession from) {
        this.sessionId = from.sessionId;
        this.setup = from.setup;
        this.facts = from.facts;
        this.cars = new LinkedHashMap<>();
        from.cars.forEach((number, car) -> cars.put(number, car.copy()));
        this.waiting = new ArrayList<>(from.waiting);
        this.track = from.track.copy();
        this.messages = from.messages.copy();
        this.carEvents = setup == null ? null : new CarEvents(setup, cars, track);
        this.sessionTimeMs = from.sessionTimeMs;
        this.wallClockMs = from.wallClockMs;
        this.eventsSeen = from.eventsSeen;
        this.ended = from.ended;
    }

    /** An independent session in the same state: applying events to either leaves the other as it is. */
    public RaceSession copy() {
        return new RaceSession(this);
    }

    /** The facts the shared checks need: the entry list and timing points of the session's start, once known. */
    public SessionFacts facts() {
        return facts;
    }

    /**
     * Applies the next event in session-time order. An event that breaks a rule as a whole is rejected with the
     * shared verdict ({@link EventChecks}); one that is valid but changes nothing where it stands is ignored (a
     * crossing already recorded, a crossing after the car's flag, the end of a zone that is not active); an event
     * before the session's start waits for it. Repeated event ids are {@link EventTimeline}'s to drop.
     */
    public ApplyResult apply(TimingEvent event) {
        String problem = EventChecks.problem(event, facts);
        if (problem == null && !sessionId.equals(event.getSessionId())) {
            problem = "wrong session: event is for '" + event.getSessionId() + "', this is '" + sessionId + "'";
        }
        if (problem != null) {
            return ApplyResult.rejected(problem);
        }
        eventsSeen++;
        wallClockMs = Math.max(wallClockMs, event.getWallClock().toEpochMilli());
        if (setup == null && !(event.getPayload() instanceof SessionStarted)) {
            waiting.add(event);
            return ApplyResult.ok();
        }
        ApplyResult result = applyPayload(event);
        if (result.rejected()) {
            eventsSeen--;
        }
        return result;
    }

    private ApplyResult applyPayload(TimingEvent event) {
        Object payload = event.getPayload();
        long at = event.getSessionTimeMs();
        board = null;
        boolean wasChequered = track.chequered();
        ApplyResult result;
        if (payload instanceof SessionStarted started) {
            result = sessionStarted(started);
        } else if (payload instanceof TrackStatusChanged change) {
            String ignored = track.apply(change, at);
            result = ignored == null ? ApplyResult.ok() : ApplyResult.ignored(ignored);
            if (ignored == null) {
                messages.trackStatus(change, at);
            }
        } else if (payload instanceof SessionEnded end) {
            ended = true;
            messages.sessionEnded(end, at);
            result = ApplyResult.ok();
        } else {
            result = carEvents.apply(payload, at);
            if (result.applied()) {
                messages.carEvent(payload, at);
            }
        }
        if (!result.rejected()) {
            sessionTimeMs = Math.max(sessionTimeMs, at);
            if (setup != null && !setup.isRace() && setup.scheduledDurationMs() != null
                    && sessionTimeMs >= setup.scheduledDurationMs() && !track.chequered()) {
                // Practice and qualifying end on the clock; a lap completed at or after it still counts.
                track.chequeredByDuration(setup.scheduledDurationMs());
            }
        }
        if (!wasChequered && track.chequered()) {
            // However it fell (CHEQUERED, the leader's crossing after the duration, the clock), said once.
            messages.chequered(track.chequeredAtMs());
        }
        if (payload instanceof SessionStarted && result.applied() && !waiting.isEmpty()) {
            List<TimingEvent> ready = new ArrayList<>(waiting);
            waiting.clear();
            for (TimingEvent early : ready) {
                if (applyPayload(early).rejected()) {
                    eventsSeen--; // its car is not in the entry list that came
                }
            }
        }
        return result;
    }

    private ApplyResult sessionStarted(SessionStarted started) {
        List<String> points = started.getIntermediatePoints();
        boolean pointsChanged = setup != null && setup.intermediatePoints().size() != points.size();
        if (pointsChanged && cars.values().stream().anyMatch(c -> c.latest() != null)) {
            return ApplyResult.ignored("intermediate points changed from " + setup.intermediatePoints() + " to "
                    + points + " after crossings were applied");
        }
        SessionType type = started.getSessionType() == null ? SessionType.RACE : started.getSessionType();
        setup = new SessionSetup(started.getName(), type, started.getScheduledDurationMs(), points,
                SessionSetup.minimumDriveTimes(started));
        facts = SessionFacts.of(started);
        carEvents = new CarEvents(setup, cars, track);
        // Re-sending the entry list (a late entry) replaces it; cars on both lists keep what they did.
        Map<String, CarRecord> previous = new LinkedHashMap<>(cars);
        cars.clear();
        for (Entry entry : started.getEntries()) {
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

    /** Latest session time applied: the session's "now". */
    public long sessionTimeMs() {
        return sessionTimeMs;
    }

    /** Latest wall clock of the events applied: the time the outputs carry (not the processing time). */
    public long wallClockMs() {
        return wallClockMs;
    }

    /** Events the session holds (applied, ignored where they stand, or waiting for the start). */
    public long eventsSeen() {
        return eventsSeen;
    }

    /** What SessionStarted said; null before it. */
    SessionSetup setup() {
        return setup;
    }

    public boolean chequered() {
        return track.chequered();
    }

    /**
     * The classification is final: the flag has fallen and the session has ended (SESSION_END), or every car has
     * taken the flag, been retired, or passed no timing point for 15 minutes.
     */
    public boolean classificationFinal() {
        if (setup == null || !track.chequered()) {
            return false;
        }
        if (ended || !setup.isRace()) {
            return true;
        }
        return ProvisionalClassification.everyCarDone(cars.values(), setup, track.chequeredAtMs(), sessionTimeMs);
    }

    /** Every car, overall order. */
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
     * The classification as it stands: after the flag the provisional order (finished cars frozen, cars on their
     * last lap Running), final once {@link #classificationFinal()}; before the flag the live order.
     */
    public Standings classification() {
        return overall();
    }

    /**
     * WEC championship points once the classification is final (Classified cars by class position, scaled by the
     * scheduled duration, +1 for each class's pole sitter); empty before or without a scheduled duration.
     */
    public Map<String, Integer> championshipPoints(Collection<String> poleSitters) {
        if (setup == null || !setup.isRace() || !classificationFinal() || setup.scheduledDurationMs() == null) {
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
                .setSessionEnded(classificationFinal())
                .setMessages(messages.messages())
                .build();
    }

    /** One car's position and gaps; null if the car is not in the entry list. */
    public CarGaps carGaps(String car) {
        Board.Line line = board().line(car);
        return line == null ? null : StandingsWriter.carGaps(header(), line);
    }

    /**
     * "What is the gap between #51 and #8 right now?": the gap of whichever is behind on the board to the other,
     * by the session's rule (live gap rule in a race until the classification is final, final gap then, best-lap
     * difference in qualifying). Null if either car is unknown; the gap inside is null when there is nothing to
     * measure yet.
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
        if (classificationFinal()) {
            return FinalClassification.gap(ahead, behind);
        }
        return GapRule.live(ahead.car(), behind.car(), setup.pointsPerLap(), sessionTimeMs);
    }

    private StandingsWriter.Header header() {
        return new StandingsWriter.Header(sessionId, setup, sessionTimeMs, track.status(), track.chequered(),
                track.chequeredAtMs(), classificationFinal(), eventsSeen);
    }

    /**
     * The ranked board as it stands. Package-private as the one hook {@link RaceHistory} needs: it reads each car's
     * line at its finish-line crossings from the very board the standings are written from, so the history and the
     * notable events use these rules rather than a second implementation of order and gaps.
     */
    Board board() {
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
        if (classificationFinal()) {
            return FinalClassification.board(all, setup, track.chequeredAtMs());
        }
        if (track.chequered()) {
            return ProvisionalClassification.board(all, setup, track.chequeredAtMs(), sessionTimeMs);
        }
        return LiveRaceOrder.board(all, setup, sessionTimeMs);
    }
}
