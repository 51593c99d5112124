package org.racetiming.standings.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.racetiming.event.SessionStarted;
import org.racetiming.event.TimingEvent;
import org.racetiming.timeline.SessionOrder;
import org.racetiming.validation.EventChecks;
import org.racetiming.validation.EventChecks.SessionFacts;

/**
 * A session as the set of its events in {@link SessionOrder} (session time, then kind and id), whatever order they
 * are delivered in (DOMAIN.md, "Delivery order does not matter"). An event that arrives late is placed at its
 * session time and what follows it is recomputed; a repeated event id changes nothing; an event before the
 * session's start waits for it ({@link RaceSession}).
 *
 * <p>Recomputing starts from the nearest keyframe: a {@link RaceSession#copy()} kept every
 * {@link #KEYFRAME_EVERY} events, which share their passage histories with the live session, so a keyframe costs
 * a few small objects per car. A late event costs the replay from the keyframe before it; it is done lazily, once
 * for a burst of late events, when the session is next read. Time travel ({@link #at}) is a keyframe copy plus at
 * most {@link #KEYFRAME_EVERY} events.
 *
 * <p>Thread-safe: one stream task offers events and reads {@link #current()}; queries take copies.
 */
public final class EventTimeline {

    /**
     * Events between two keyframes: bounds the cost of time travel and of a late event (at most this many events
     * replayed past the keyframe) against memory (a keyframe is ~40 KB for 62 cars: ~10 MB for a 24-hour race).
     */
    static final int KEYFRAME_EVERY = 256;

    /** What {@link #offer} did with an event. */
    public enum Placement { APPENDED, LATE, DUPLICATE, REJECTED }

    /** @param reason why it was rejected; null otherwise */
    public record Offer(Placement placement, String reason) {

        public boolean accepted() {
            return placement == Placement.APPENDED || placement == Placement.LATE;
        }
    }

    private final String sessionId;
    private final List<TimingEvent> events = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    /** Index i: the session after events [0, i). Only keyframes at or before a pending recomputation are valid. */
    private final TreeMap<Integer, RaceSession> keyframes = new TreeMap<>();
    private RaceSession live;
    /** Where the live session must be recomputed from, or -1 when it is up to date. */
    private int staleFrom = -1;
    /** The entry list and timing points of the latest start, for the shared checks. */
    private SessionFacts facts = SessionFacts.UNKNOWN;
    private long latestStartMs = Long.MIN_VALUE;

    public EventTimeline(String sessionId) {
        this.sessionId = sessionId;
        this.live = new RaceSession(sessionId);
    }

    public String sessionId() {
        return sessionId;
    }

    /**
     * Places an event in the session. Rejected when it breaks a rule as a whole (the shared verdict, with the
     * session's entry list and timing points as known now); a duplicate when its id is held already.
     */
    public synchronized Offer offer(TimingEvent event) {
        String problem = EventChecks.problem(event, facts);
        if (problem == null && !sessionId.equals(event.getSessionId())) {
            problem = "wrong session: event is for '" + event.getSessionId() + "', this is '" + sessionId + "'";
        }
        if (problem != null) {
            return new Offer(Placement.REJECTED, problem);
        }
        if (ids.contains(event.getEventId())) {
            return new Offer(Placement.DUPLICATE, null);
        }
        int position = insertionPoint(event);
        if (position == events.size() && staleFrom < 0) {
            ApplyResult result = live.apply(event);
            if (result.rejected()) {
                return new Offer(Placement.REJECTED, result.reason());
            }
            add(position, event);
            keyframeIfDue(position + 1);
            return new Offer(Placement.APPENDED, null);
        }
        add(position, event);
        keyframes.tailMap(position, false).clear();
        staleFrom = staleFrom < 0 ? position : Math.min(staleFrom, position);
        return new Offer(position == events.size() - 1 ? Placement.APPENDED : Placement.LATE, null);
    }

    private void add(int position, TimingEvent event) {
        events.add(position, event);
        ids.add(event.getEventId());
        if (event.getPayload() instanceof SessionStarted start && event.getSessionTimeMs() >= latestStartMs) {
            latestStartMs = event.getSessionTimeMs();
            facts = SessionFacts.of(start);
        }
    }

    /**
     * The session with every event held, recomputed first if late events came. The stream task's own: callers on
     * other threads take {@link #snapshot()}.
     */
    public synchronized RaceSession current() {
        if (staleFrom >= 0) {
            Map.Entry<Integer, RaceSession> base = keyframes.floorEntry(staleFrom);
            live = base == null ? new RaceSession(sessionId) : base.getValue().copy();
            for (int i = base == null ? 0 : base.getKey(); i < events.size(); i++) {
                live.apply(events.get(i));
                keyframeIfDue(i + 1);
            }
            staleFrom = -1;
        }
        return live;
    }

    /** A copy of the session with every event held, for a caller on another thread. */
    public synchronized RaceSession snapshot() {
        return current().copy();
    }

    /** The session as of session time {@code atMs}: every event at or before it. The caller's own. */
    public RaceSession at(long atMs) {
        RaceSession session;
        List<TimingEvent> rest;
        synchronized (this) {
            int end = upperBound(atMs);
            if (end == events.size()) {
                return snapshot();
            }
            // Keyframes after a pending recomputation were dropped when the late event came: the rest are valid.
            Map.Entry<Integer, RaceSession> base = keyframes.floorEntry(end);
            session = base == null ? new RaceSession(sessionId) : base.getValue().copy();
            rest = new ArrayList<>(events.subList(base == null ? 0 : base.getKey(), end));
        }
        for (TimingEvent event : rest) {
            session.apply(event);
        }
        return session;
    }

    /** The events held, in session order (a copy). */
    public synchronized List<TimingEvent> events() {
        return new ArrayList<>(events);
    }

    /** Events held (accepted, not repeated). */
    public synchronized int size() {
        return events.size();
    }

    /** Session time of the latest event held, or -1 when none. */
    public synchronized long latestSessionTimeMs() {
        return events.isEmpty() ? -1 : events.get(events.size() - 1).getSessionTimeMs();
    }

    private void keyframeIfDue(int applied) {
        if (applied % KEYFRAME_EVERY == 0) {
            keyframes.put(applied, live.copy());
        }
    }

    /** Where the event goes in {@link SessionOrder}: the first index whose event comes after it. */
    private int insertionPoint(TimingEvent event) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (SessionOrder.ORDER.compare(events.get(mid), event) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose event is later than {@code timeMs}: the events up to there are those at or before it. */
    private int upperBound(long timeMs) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).getSessionTimeMs() <= timeMs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
