package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.racetiming.event.CarRetired;
import org.racetiming.event.LapCompleted;
import org.racetiming.event.PenaltyApplied;
import org.racetiming.event.PitIn;
import org.racetiming.event.PitOut;
import org.racetiming.event.SessionEnded;
import org.racetiming.event.TimingEvent;
import org.racetiming.event.TrackStatus;
import org.racetiming.event.TrackStatusChanged;
import org.racetiming.output.TrackStatusState;

/**
 * The race as it happened, lap by lap, and what was notable in it: a {@link RaceSession} fed the session's events in
 * session order, read at every finish-line crossing. Each lap's position and gaps are the car's line on the very
 * board the standings come from at that moment, so there is one rule set, not a second one for history.
 *
 * <p>Feed it events in session order ({@link #apply}); a late event means a new history built from the reordered
 * events (the history of a lap depends on everything before it). Not thread-safe.
 */
public final class RaceHistory {
    // Synchronized: the query layer extends a history with new events while other questions read it.

    private final RaceSession session;
    private final List<LapRow> laps = new ArrayList<>();
    private final NotableEvents notables = new NotableEvents();
    /** When the session's status changed, and to what: the track status during any lap. */
    private final List<Long> statusSince = new ArrayList<>();
    private final List<TrackStatus> statuses = new ArrayList<>();
    private final Map<String, LapRow> lastLap = new HashMap<>();
    private final Map<String, PitOut> lastPitOut = new HashMap<>();

    public RaceHistory(String sessionId) {
        this.session = new RaceSession(sessionId);
        statusSince.add(0L);
        statuses.add(TrackStatus.GREEN);
    }

    /** The history of a session's events, given in session order. */
    public static RaceHistory of(String sessionId, Collection<TimingEvent> eventsInSessionOrder) {
        RaceHistory history = new RaceHistory(sessionId);
        eventsInSessionOrder.forEach(history::apply);
        return history;
    }

    /** Applies the next event in session order to the session, and records what it changed. */
    public synchronized ApplyResult apply(TimingEvent event) {
        boolean wasChequered = session.chequered();
        ApplyResult result = session.apply(event);
        if (!result.applied()) {
            return result;
        }
        long at = event.getSessionTimeMs();
        Object payload = event.getPayload();
        if (payload instanceof LapCompleted lap) {
            lapCompleted(lap, at);
        } else if (payload instanceof PitIn pitIn) {
            Board.Line line = session.board().line(pitIn.getCar());
            if (line != null) {
                notables.pitIn(line.car());
            }
        } else if (payload instanceof PitOut pitOut) {
            lastPitOut.put(pitOut.getCar(), pitOut);
            Board.Line line = session.board().line(pitOut.getCar());
            if (line != null) {
                notables.pitOut(line.car(), pitOut, at);
            }
        }
        boolean raceControl = payload instanceof TrackStatusChanged || payload instanceof CarRetired
                || payload instanceof PenaltyApplied || payload instanceof SessionEnded;
        if (raceControl || wasChequered != session.chequered()) {
            TrackStatusState track = session.trackStatus();
            statusIs(at, track.getStatus());
            notables.raceControl(track.getMessages());
        }
        return result;
    }

    private void lapCompleted(LapCompleted lap, long at) {
        Board board = session.board();
        Board.Line line = board.line(lap.getCar());
        if (line == null) {
            return; // an event that waited for the start, whose car the entry list did not have
        }
        CarRecord car = line.car();
        LapRow previous = lastLap.get(car.number());
        long start = lap.getLapTimeMs() != null ? at - lap.getLapTimeMs() : previous != null ? previous.crossedAtMs() : at;
        PitOut pitOut = lastPitOut.get(car.number());
        boolean pitOutThisLap = pitOut != null && pitOut.getLap() == lap.getLap();
        GapValue gap = line.gapFirst();
        GapValue classGap = line.classGapFirst();
        LapRow row = new LapRow(car.number(), car.carClass(), lap.getLap(), at, lap.getLapTimeMs(),
                car.lapStats().lastSectors(), line.position(), line.classPosition(),
                gap == null ? 0 : gap.laps(), gap == null || gap.laps() != 0 ? null : gap.timeMs(),
                classGap == null ? 0 : classGap.laps(), classGap == null || classGap.laps() != 0 ? null : classGap.timeMs(),
                lap.getCrossedInPit(), pitOutThisLap || (previous != null && previous.inLap()),
                pitOutThisLap ? pitOut.getPitLaneTimeMs() : null, car.pit().driver(), statusesDuring(start, at));
        laps.add(row);
        lastLap.put(car.number(), row);
        notables.lineCrossed(session, board, line, row);
    }

    private void statusIs(long at, TrackStatus status) {
        if (statuses.get(statuses.size() - 1) != status) {
            statusSince.add(at);
            statuses.add(status);
        }
    }

    /** The statuses in force at some moment of (start, end]: the one at the start, then each that began within. */
    private List<TrackStatus> statusesDuring(long start, long end) {
        int i = statusSince.size() - 1;
        while (i > 0 && statusSince.get(i) > start) {
            i--;
        }
        List<TrackStatus> during = new ArrayList<>(2);
        for (; i < statuses.size() && statusSince.get(i) <= end; i++) {
            if (!during.contains(statuses.get(i))) {
                during.add(statuses.get(i));
            }
        }
        return during;
    }

    /** Every lap recorded, in the order the cars crossed the line. */
    public synchronized List<LapRow> laps() {
        return List.copyOf(laps);
    }

    /**
     * The laps of some cars completed between two session times.
     *
     * @param cars   race numbers; empty for every car
     * @param fromMs first crossing time included
     * @param toMs   last crossing time included
     */
    public synchronized List<LapRow> laps(Collection<String> cars, long fromMs, long toMs) {
        List<LapRow> wanted = new ArrayList<>();
        for (LapRow row : laps) {
            if (row.crossedAtMs() >= fromMs && row.crossedAtMs() <= toMs && (cars.isEmpty() || cars.contains(row.car()))) {
                wanted.add(row);
            }
        }
        return wanted;
    }

    /** What a commentator reads out, in the order it happened. */
    public synchronized List<Notable> notables() {
        return notables.found();
    }

    /** The notable events found after the first {@code seen}: what a feed that sent {@code seen} sends next. */
    public synchronized List<Notable> notablesAfter(int seen) {
        return notables.foundAfter(seen);
    }

    /** The session after every event applied: the standings the history ends in. */
    public RaceSession session() {
        return session;
    }
}
