package org.racetiming.standings.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.racetiming.event.TimingEvent;
import org.racetiming.standings.rules.EventTimeline;
import org.racetiming.standings.rules.RaceHistory;
import org.racetiming.standings.rules.RaceSession;
import org.racetiming.standings.topology.SessionEventLog;
import org.racetiming.standings.topology.SessionTimelines;
import org.racetiming.standings.topology.StandingsTopology;

/**
 * Answers questions about sessions this instance owns: "now" and any past session time, computed by the same rules
 * from the same events as the boards the topology sends.
 *
 * <p>A session a stream task holds in memory is read there ({@link SessionTimelines}): a copy of its current state,
 * or a keyframe copy plus at most a keyframe's worth of events for a past time. A session no task holds (finished,
 * or not touched since this instance started) is loaded once from the event log and kept in a small cache.
 */
public final class StandingsQueries {

    /** Sessions read from the event log and kept: the few a screen or an analyst looks back at. */
    static final int STORED_SESSIONS_KEPT = 8;

    private final Supplier<ReadOnlyKeyValueStore<Bytes, byte[]>> eventLog;
    private final SessionTimelines live;
    private final Map<String, EventTimeline> stored = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventTimeline> eldest) {
            return size() > STORED_SESSIONS_KEPT;
        }
    };

    /**
     * Histories computed, one per session: a whole race replayed with a board read at every crossing costs about a
     * second on a 24-hour race, so it is extended with the events that came after it, and computed again only when a
     * late event lands before its end.
     */
    private final Map<String, SessionHistory> histories = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SessionHistory> eldest) {
            return size() > STORED_SESSIONS_KEPT;
        }
    };

    /**
     * @param eventLog the topology's session-events store (looked up per query: it moves on a rebalance)
     * @param live     the sessions this instance's stream tasks hold
     */
    public StandingsQueries(Supplier<ReadOnlyKeyValueStore<Bytes, byte[]>> eventLog, SessionTimelines live) {
        this.eventLog = eventLog;
        this.live = live;
    }

    /** Queries over the local stores of a running topology built with {@code live}. */
    public static StandingsQueries of(KafkaStreams streams, SessionTimelines live) {
        return new StandingsQueries(() -> streams.store(StoreQueryParameters.fromNameAndType(
                StandingsTopology.SESSION_EVENTS_STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())), live);
    }

    /** Which instance owns the session (for routing a query to it): the partition of its key. */
    public static KeyQueryMetadata owner(KafkaStreams streams, String sessionId) {
        return streams.queryMetadataForKey(StandingsTopology.SESSION_EVENTS_STORE, sessionId, Serdes.String().serializer());
    }

    /**
     * The session as of session time {@code atMs}: every event at or before that time.
     * Empty when this instance holds no event of the session. The result is the caller's own.
     */
    public Optional<RaceSession> at(String sessionId, long atMs) {
        return timeline(sessionId).map(timeline -> timeline.at(atMs));
    }

    /** Runs {@code query} on the session as it stands now; empty when this instance has no such session. */
    public <T> Optional<T> withSession(String sessionId, Function<RaceSession, T> query) {
        return timeline(sessionId).map(timeline -> query.apply(timeline.snapshot()));
    }

    /**
     * The session lap by lap and its notable events ({@link RaceHistory}), from every event it holds now; empty when
     * this instance has no such session. Computed from the events its {@link EventTimeline} holds, in session order;
     * later questions only apply the events that came since ({@link SessionHistory}).
     */
    public Optional<RaceHistory> history(String sessionId) {
        Optional<EventTimeline> timeline = timeline(sessionId);
        if (timeline.isEmpty()) {
            return Optional.empty();
        }
        SessionHistory history;
        synchronized (histories) {
            history = histories.get(sessionId);
            if (history == null || !history.of(timeline.get())) {
                history = new SessionHistory(sessionId, timeline.get());
                histories.put(sessionId, history);
            }
        }
        return Optional.of(history.current());
    }

    /** The sessions this instance holds events of (read from the log's key ranges, no session is rebuilt). */
    public Set<String> sessionIds() {
        return SessionEventLog.sessionIds(eventLog.get());
    }

    private Optional<EventTimeline> timeline(String sessionId) {
        Optional<EventTimeline> held = live.get(sessionId);
        if (held.isPresent()) {
            synchronized (stored) {
                stored.remove(sessionId); // a task took it (new events came): the copy from the log is stale
            }
            return held;
        }
        synchronized (stored) {
            EventTimeline cached = stored.get(sessionId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        List<TimingEvent> events = SessionEventLog.inSessionOrder(eventLog.get(), sessionId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EventTimeline timeline = new EventTimeline(sessionId);
        events.forEach(timeline::offer);
        synchronized (stored) {
            stored.put(sessionId, timeline);
        }
        return Optional.of(timeline);
    }
}
