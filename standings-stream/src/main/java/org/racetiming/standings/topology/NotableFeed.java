package org.racetiming.standings.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.racetiming.event.TimingEvent;
import org.racetiming.output.NotableEvent;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.Notable;
import org.racetiming.standings.rules.RaceHistory;

/**
 * One session's notable events for the notable-events topic, each sent once. Found by a {@link RaceHistory} fed the
 * session's events as they are appended; a late event (placed before others) makes it recompute the whole list from
 * the session's stored events in session order, and only what is new is sent, so the feed is the same whatever
 * order the events came in. A notable event a late event makes untrue is not withdrawn.
 */
final class NotableFeed {

    static final long RECOMPUTE_EVERY_MS = 10_000;

    private final String sessionId;
    private RaceHistory history;
    /** Notable events of {@link #history} already looked at. */
    private int seen;
    private boolean stale;
    private long lastRecomputeWallMs = Long.MIN_VALUE;
    private final Set<String> sent = new HashSet<>();

    NotableFeed(String sessionId) {
        this.sessionId = sessionId;
        this.history = new RaceHistory(sessionId);
    }

    /**
     * The stored events a session was rebuilt from after a restart or a rebalance: their notable events were sent
     * before, so they count as sent (at the risk of missing the few found just before a crash, rather than sending
     * a whole race again).
     */
    void restored(List<TimingEvent> storedInSessionOrder) {
        history = RaceHistory.of(sessionId, storedInSessionOrder);
        history.notables().forEach(notable -> sent.add(notable.id()));
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
     * The notable events not sent yet, recomputed first from {@code storedInSessionOrder} after a late event - at
     * most once every {@link #RECOMPUTE_EVERY_MS} (a whole race costs a second or two), so a burst of late events (a
     * resumed ingest fills a hole with thousands) costs one recomputation, not one per board sent.
     */
    List<NotableEvent> unsent(long nowWallMs, Supplier<List<TimingEvent>> storedInSessionOrder) {
        if (stale) {
            if (lastRecomputeWallMs != Long.MIN_VALUE && nowWallMs - lastRecomputeWallMs < RECOMPUTE_EVERY_MS) {
                return List.of(); // the processor's housekeeping comes back for it
            }
            history = RaceHistory.of(sessionId, storedInSessionOrder.get());
            seen = 0;
            stale = false;
            lastRecomputeWallMs = nowWallMs;
        }
        List<Notable> found = history.notablesAfter(seen);
        seen += found.size();
        List<NotableEvent> unsent = new ArrayList<>();
        for (Notable notable : found) {
            if (sent.add(notable.id())) {
                unsent.add(NotableEvent.newBuilder()
                        .setSessionId(sessionId)
                        .setId(notable.id())
                        .setAtMs(notable.atMs())
                        .setKind(notable.kind())
                        .setCar(notable.car())
                        .setCarClass(notable.carClass())
                        .setText(notable.text())
                        .build());
            }
        }
        return unsent;
    }
}
