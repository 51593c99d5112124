package org.racetiming.standings.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.NotableEvent;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.Notable;
import org.racetiming.standings.rules.RaceHistory;

/**
 * One session's notable events for the notable-events topic. Found by a {@link RaceHistory} fed the session's events
 * as they are appended; a late event (placed before others) makes it recompute the whole list from the session's
 * stored events in session order. Each id goes out once while it stays true; an id sent before that a recomputation
 * no longer yields goes out again with {@code withdrawn: true} (and with false if a later recomputation yields it
 * again). So folding the topic - the latest record per id, the withdrawn dropped - gives the notable events of the
 * session's events in session order, whatever order they came in.
 */
final class NotableFeed {

    static final long RECOMPUTE_EVERY_MS = 10_000;

    private final String sessionId;
    private RaceHistory history;
    /** Notable events of {@link #history} already looked at. */
    private int seen;
    private boolean stale;
    private long lastRecomputeWallMs = Long.MIN_VALUE;
    /** The latest record sent per id, withdrawn or not: what a reader of the topic holds. */
    private final Map<String, NotableEvent> sent = new HashMap<>();

    NotableFeed(String sessionId) {
        this.sessionId = sessionId;
        this.history = new RaceHistory(sessionId);
    }

    /**
     * The stored events a session was rebuilt from after a restart or a rebalance: their notable events were sent
     * before, so they count as sent (at the risk of missing the few found just before a crash, rather than sending
     * a whole race again). What was withdrawn before the restart is not known; an id that comes back is sent again.
     */
    void restored(List<TimingEvent> storedInSessionOrder) {
        history = RaceHistory.of(sessionId, storedInSessionOrder);
        history.notables().forEach(notable -> sent.put(notable.id(), record(notable, false)));
        seen = history.notables().size();
        stale = false;
    }

    /** An event the session accepted, and where its timeline placed it. */
    void offered(TimingEvent event, EventTimeline.Placement placement) {
        if (placement == EventTimeline.Placement.LATE) {
            stale = true;
        } else if (!stale) {
            history.apply(event);
        }
    }

    /** A late event came: the list waits to be recomputed. */
    boolean stale() {
        return stale;
    }

    /**
     * The records to send: notable events not sent yet (or withdrawn and true again), and after a recomputation the
     * withdrawals of those sent that are no longer true. A late event makes the list recomputed first from
     * {@code storedInSessionOrder} - at most once every {@link #RECOMPUTE_EVERY_MS} (a whole race costs a second or
     * two), so a burst of late events (a resumed ingest fills a hole with thousands) costs one recomputation, not one
     * per board sent.
     */
    List<NotableEvent> unsent(long nowWallMs, Supplier<List<TimingEvent>> storedInSessionOrder) {
        List<NotableEvent> out = new ArrayList<>();
        if (stale) {
            if (lastRecomputeWallMs != Long.MIN_VALUE && nowWallMs - lastRecomputeWallMs < RECOMPUTE_EVERY_MS) {
                return out; // the processor's housekeeping comes back for it
            }
            history = RaceHistory.of(sessionId, storedInSessionOrder.get());
            seen = 0;
            stale = false;
            lastRecomputeWallMs = nowWallMs;
            withdrawUntrue(history.notables(), out);
        }
        List<Notable> found = history.notablesAfter(seen);
        seen += found.size();
        for (Notable notable : found) {
            NotableEvent before = sent.get(notable.id());
            if (before == null || before.getWithdrawn()) {
                send(record(notable, false), out);
            }
        }
        return out;
    }

    /** Withdrawals first, so a reader removes what is untrue before it reads what replaces it. */
    private void withdrawUntrue(List<Notable> nowTrue, List<NotableEvent> out) {
        Map<String, Notable> trueIds = new LinkedHashMap<>();
        nowTrue.forEach(notable -> trueIds.put(notable.id(), notable));
        List<NotableEvent> untrue = new ArrayList<>();
        for (NotableEvent record : sent.values()) {
            if (!record.getWithdrawn() && !trueIds.containsKey(record.getId())) {
                untrue.add(NotableEvent.newBuilder(record).setWithdrawn(true).build());
            }
        }
        // In session order, as a reader would list them; the map's order is not.
        untrue.sort((a, b) -> a.getAtMs() != b.getAtMs() ? Long.compare(a.getAtMs(), b.getAtMs())
                : a.getId().compareTo(b.getId()));
        untrue.forEach(record -> send(record, out));
    }

    private void send(NotableEvent record, List<NotableEvent> out) {
        sent.put(record.getId(), record);
        out.add(record);
    }

    private NotableEvent record(Notable notable, boolean withdrawn) {
        return NotableEvent.newBuilder()
                .setSessionId(sessionId)
                .setId(notable.id())
                .setAtMs(notable.atMs())
                .setKind(notable.kind())
                .setCar(notable.car())
                .setCarClass(notable.carClass())
                .setText(notable.text())
                .setWithdrawn(withdrawn)
                .build();
    }
}
